import { CHART_COLOURS as C, CHART_FONT as F, ChartFigure, WITHHELD, countText, niceTicks } from './chart-figure'

// Quarterly trend: one line per series over the quarters. Series differ by colour AND marker shape
// AND dash pattern, and each is named at its last point and in a legend, so colour is never alone.
// A withheld value breaks the line and has no marker.

export interface TrendSeries {
  name: string
  /** one value per quarter (null: withheld) */
  values: readonly (number | null)[]
}

const STYLES = [
  { colour: C.darkBlue, dash: undefined, marker: 'circle' },
  { colour: C.green, dash: '8 4', marker: 'square' },
  { colour: C.orange, dash: '2 4', marker: 'triangle' },
] as const

const LEFT = 60
const PLOT_W = 520
const TOP = 40
const PLOT_H = 220
const BOTTOM = 50

function Marker({ kind, x, y, colour }: { kind: (typeof STYLES)[number]['marker']; x: number; y: number; colour: string }) {
  if (kind === 'circle') return <circle cx={x} cy={y} r={6} fill={colour} />
  if (kind === 'square') return <rect x={x - 6} y={y - 6} width={12} height={12} fill={colour} />
  return <polygon points={`${x},${y - 7} ${x + 7},${y + 6} ${x - 7},${y + 6}`} fill={colour} />
}

export function TrendChart({
  id,
  title,
  description,
  quarters,
  series,
  notes,
}: {
  id: string
  title: string
  description: string
  /** axis labels, e.g. '2026 Q3' */
  quarters: readonly string[]
  series: readonly TrendSeries[]
  notes?: React.ReactNode
}) {
  const max = Math.max(1, ...series.flatMap((s) => s.values.map((v) => v ?? 0)))
  const ticks = niceTicks(max, 4)
  const top = ticks[ticks.length - 1]!
  const step = quarters.length > 1 ? PLOT_W / (quarters.length - 1) : 0
  const x = (i: number) => LEFT + (quarters.length > 1 ? i * step : PLOT_W / 2)
  const y = (v: number) => TOP + PLOT_H - (v / top) * PLOT_H
  const labelEvery = Math.ceil(quarters.length / 8)
  return (
    <ChartFigure
      id={id}
      title={title}
      description={description}
      width={LEFT + PLOT_W + 40}
      height={TOP + PLOT_H + BOTTOM}
      notes={notes}
      table={{
        columns: [{ header: 'Quarter' }, ...series.map((s) => ({ header: s.name, numeric: true }))],
        rows: quarters.map((q, i) => [q, ...series.map((s) => countText(s.values[i] ?? null))]),
      }}
    >
      <g aria-hidden="true">
        {series.map((s, k) => {
          const st = STYLES[k % STYLES.length]!
          const lx = LEFT + k * 200
          return (
            <g key={s.name}>
              <line x1={lx} x2={lx + 30} y1={14} y2={14} stroke={st.colour} strokeWidth={3} strokeDasharray={st.dash} />
              <Marker kind={st.marker} x={lx + 15} y={14} colour={st.colour} />
              <text x={lx + 38} y={19} fontSize={F.small}>
                {s.name}
              </text>
            </g>
          )
        })}
        {ticks.map((t) => (
          <g key={t}>
            <line x1={LEFT} x2={LEFT + PLOT_W} y1={y(t)} y2={y(t)} stroke={C.lightGrey} />
            <text x={LEFT - 8} y={y(t) + 5} textAnchor="end" fontSize={F.small}>
              {t}
            </text>
          </g>
        ))}
        {quarters.map((q, i) =>
          i % labelEvery === 0 ? (
            <text key={q} x={x(i)} y={TOP + PLOT_H + 22} textAnchor="middle" fontSize={F.small}>
              {q}
            </text>
          ) : null,
        )}
        <line x1={LEFT} x2={LEFT + PLOT_W} y1={TOP + PLOT_H} y2={TOP + PLOT_H} stroke={C.text} strokeWidth={2} />
      </g>
      {series.map((s, k) => {
        const st = STYLES[k % STYLES.length]!
        // Break the line at withheld values.
        const segments: string[] = []
        let current: string[] = []
        s.values.forEach((v, i) => {
          if (v === null) {
            if (current.length > 1) segments.push(current.join(' '))
            current = []
          } else current.push(`${x(i)},${y(v)}`)
        })
        if (current.length > 1) segments.push(current.join(' '))
        return (
          <g key={s.name}>
            {segments.map((points) => (
              <polyline key={points} points={points} fill="none" stroke={st.colour} strokeWidth={3} strokeDasharray={st.dash} />
            ))}
            {s.values.map((v, i) =>
              v === null ? null : (
                <g key={i}>
                  <Marker kind={st.marker} x={x(i)} y={y(v)} colour={st.colour} />
                  <title>{`${s.name}, ${quarters[i]}: ${v}`}</title>
                </g>
              ),
            )}
          </g>
        )
      })}
      <text x={LEFT} y={TOP + PLOT_H + 44} fontSize={F.small} aria-hidden="true">
        {series.some((s) => s.values.includes(null)) ? `A gap in a line is a ${WITHHELD} count.` : ''}
      </text>
    </ChartFigure>
  )
}
