import { CHART_COLOURS as C, CHART_FONT as F, ChartFigure, WITHHELD, countText, niceTicks, percentText } from './chart-figure'

// Horizontal bar chart. Each bar carries its value as text at its end; an optional interval (e.g. a
// Wilson 95% interval on a share) is drawn as a whisker and listed in the table. A withheld value
// (small-number suppression) has no bar and says 'withheld'.

export interface Bar {
  label: string
  /** null: withheld */
  value: number | null
  interval?: { lower: number; upper: number } | null
  /** Extra column for the table, e.g. '12 of 30' */
  detail?: string
  /** What to say instead of 'withheld' when there is no value for another reason, e.g. 'no cases'. */
  missing?: string
}

export interface BarChartProps {
  id: string
  title: string
  description: string
  bars: readonly Bar[]
  /** 'percent': values are shares 0–1 on a 0–100% axis. */
  format?: 'count' | 'percent'
  valueHeader?: string
  detailHeader?: string
  notes?: React.ReactNode
}

// Each bar's label sits above it, across the full width, so long labels are never cut off.
const LEFT = 20
const PLOT_W = 470
const LABEL_H = 22
const BAR_H = 24
const ROW_H = LABEL_H + BAR_H + 12
const TOP = 4
const AXIS_H = 36
const VALUE_W = 130

export function BarChart({ id, title, description, bars, format = 'count', valueHeader = 'Value', detailHeader = 'Detail', notes }: BarChartProps) {
  const percent = format === 'percent'
  const max = percent ? 1 : Math.max(1, ...bars.map((b) => Math.max(b.value ?? 0, b.interval?.upper ?? 0)))
  const ticks = percent ? [0, 0.25, 0.5, 0.75, 1] : niceTicks(max)
  const top = ticks[ticks.length - 1]!
  const x = (v: number) => LEFT + (v / top) * PLOT_W
  const height = TOP + bars.length * ROW_H + AXIS_H
  const text = (v: number | null) => (v === null ? WITHHELD : percent ? percentText(v) : countText(v))
  const hasInterval = bars.some((b) => b.interval)
  const hasDetail = bars.some((b) => b.detail)
  const columns = [
    { header: 'Category' },
    { header: valueHeader, numeric: true },
    ...(hasInterval ? [{ header: '95% confidence interval', numeric: true }] : []),
    ...(hasDetail ? [{ header: detailHeader, numeric: true }] : []),
  ]
  const rows = bars.map((b) => [
    b.label,
    b.value === null && b.missing ? b.missing : text(b.value),
    ...(hasInterval ? [b.interval ? `${percentText(b.interval.lower)} to ${percentText(b.interval.upper)}` : '–'] : []),
    ...(hasDetail ? [b.detail ?? '–'] : []),
  ])
  return (
    <ChartFigure id={id} title={title} description={description} width={LEFT + PLOT_W + VALUE_W} height={height} table={{ columns, rows }} notes={notes}>
      {ticks.map((t) => (
        <g key={t} aria-hidden="true">
          <line x1={x(t)} x2={x(t)} y1={TOP + LABEL_H} y2={TOP + bars.length * ROW_H} stroke={C.lightGrey} strokeWidth={1} />
          <text x={x(t)} y={TOP + bars.length * ROW_H + 22} textAnchor="middle" fontSize={F.small}>
            {percent ? percentText(t) : t}
          </text>
        </g>
      ))}
      {bars.map((b, i) => {
        const y = TOP + i * ROW_H
        const barTop = y + LABEL_H + 4
        const mid = barTop + BAR_H / 2
        const end = b.value === null ? LEFT : x(b.value)
        const labelEnd = Math.max(end, b.interval ? x(b.interval.upper) : 0)
        return (
          <g key={b.label}>
            <text x={LEFT} y={y + LABEL_H - 4}>
              {b.label}
            </text>
            {b.value === null ? null : <rect x={LEFT} y={barTop} width={Math.max(0, end - LEFT)} height={BAR_H} fill={C.blue} />}
            <line x1={LEFT} x2={LEFT} y1={barTop - 3} y2={barTop + BAR_H + 3} stroke={C.text} strokeWidth={2} aria-hidden="true" />
            {b.interval ? (
              <g stroke={C.text} strokeWidth={2}>
                <line x1={x(b.interval.lower)} x2={x(b.interval.upper)} y1={mid} y2={mid} />
                <line x1={x(b.interval.lower)} x2={x(b.interval.lower)} y1={mid - 9} y2={mid + 9} />
                <line x1={x(b.interval.upper)} x2={x(b.interval.upper)} y1={mid - 9} y2={mid + 9} />
              </g>
            ) : null}
            <text x={labelEnd + 8} y={mid + 5} fontWeight={b.value === null ? 'normal' : 'bold'} fontStyle={b.value === null ? 'italic' : 'normal'}>
              {b.value === null && b.missing ? b.missing : text(b.value)}
            </text>
          </g>
        )
      })}
    </ChartFigure>
  )
}
