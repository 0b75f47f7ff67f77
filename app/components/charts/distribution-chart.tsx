import type { Quantiles } from '~/domain/review/stats'
import { CHART_COLOURS as C, CHART_FONT as F, ChartFigure, niceTicks } from './chart-figure'

// Distribution strip: for each interval between stages, a line from the shortest to the longest,
// a box from the lower to the upper quartile and a thick mark at the median, with the median and
// the number of cases written beside it.

export interface Distribution {
  label: string
  /** null: no cases, or too few to show */
  summary: Quantiles | null
}

const LABEL_W = 270
const PLOT_W = 330
const ROW_H = 48
const TOP = 10
const AXIS_H = 40
const TEXT_W = 170

const days = (v: number) => `${Math.round(v * 10) / 10} ${v === 1 ? 'day' : 'days'}`

export function DistributionChart({
  id,
  title,
  description,
  rows,
  notes,
}: {
  id: string
  title: string
  description: string
  rows: readonly Distribution[]
  notes?: React.ReactNode
}) {
  const max = Math.max(1, ...rows.map((r) => r.summary?.max ?? 0))
  const ticks = niceTicks(max)
  const top = ticks[ticks.length - 1]!
  const x = (v: number) => LABEL_W + (v / top) * PLOT_W
  const bottom = TOP + rows.length * ROW_H
  return (
    <ChartFigure
      id={id}
      title={title}
      description={description}
      width={LABEL_W + PLOT_W + TEXT_W}
      height={bottom + AXIS_H}
      notes={notes}
      table={{
        columns: [
          { header: 'Between' },
          { header: 'Cases', numeric: true },
          { header: 'Median (days)', numeric: true },
          { header: 'Lower quartile', numeric: true },
          { header: 'Upper quartile', numeric: true },
          { header: 'Shortest', numeric: true },
          { header: 'Longest', numeric: true },
        ],
        rows: rows.map((r) => {
          const s = r.summary
          const f = (v: number) => String(Math.round(v * 10) / 10)
          return s ? [r.label, String(s.n), f(s.median), f(s.q1), f(s.q3), f(s.min), f(s.max)] : [r.label, 'too few', '–', '–', '–', '–', '–']
        }),
      }}
    >
      {ticks.map((t) => (
        <g key={t} aria-hidden="true">
          <line x1={x(t)} x2={x(t)} y1={TOP} y2={bottom} stroke={C.lightGrey} strokeWidth={1} />
          <text x={x(t)} y={bottom + 20} textAnchor="middle" fontSize={F.small}>
            {t}
          </text>
        </g>
      ))}
      <text x={LABEL_W + PLOT_W / 2} y={bottom + 38} textAnchor="middle" fontSize={F.small} aria-hidden="true">
        Days
      </text>
      {rows.map((r, i) => {
        const mid = TOP + i * ROW_H + ROW_H / 2
        const s = r.summary
        return (
          <g key={r.label}>
            <text x={LABEL_W - 8} y={mid + 5} textAnchor="end">
              {r.label}
            </text>
            {s ? (
              <>
                <line x1={x(s.min)} x2={x(s.max)} y1={mid} y2={mid} stroke={C.text} strokeWidth={2} />
                <rect x={x(s.q1)} y={mid - 12} width={Math.max(2, x(s.q3) - x(s.q1))} height={24} fill={C.lightBlue} stroke={C.darkBlue} strokeWidth={2} />
                <line x1={x(s.median)} x2={x(s.median)} y1={mid - 16} y2={mid + 16} stroke={C.text} strokeWidth={5} />
                <text x={LABEL_W + PLOT_W + 8} y={mid + 5}>
                  <tspan fontWeight="bold">{`median ${days(s.median)}`}</tspan>
                  <tspan x={LABEL_W + PLOT_W + 8} dy={18} fontSize={F.small}>{`${s.n} ${s.n === 1 ? 'case' : 'cases'}`}</tspan>
                </text>
              </>
            ) : (
              <text x={LABEL_W + 8} y={mid + 5} fontStyle="italic">
                too few cases to show
              </text>
            )}
          </g>
        )
      })}
    </ChartFigure>
  )
}
