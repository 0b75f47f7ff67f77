import { CHART_COLOURS as C, ChartFigure, WITHHELD, countText, percentText } from './chart-figure'

// Attrition funnel: one centred bar per stage, widest first, each labelled with its count and its
// share of the first stage (text on every bar, so nothing depends on colour or width alone).

export interface FunnelStage {
  label: string
  /** null: withheld */
  count: number | null
}

const LABEL_W = 250
const PLOT_W = 330
const ROW_H = 44
const TEXT_W = 170

export function FunnelChart({
  id,
  title,
  description,
  stages,
  notes,
}: {
  id: string
  title: string
  description: string
  stages: readonly FunnelStage[]
  notes?: React.ReactNode
}) {
  const first = stages[0]?.count ?? null
  const max = Math.max(1, ...stages.map((s) => s.count ?? 0))
  const share = (s: FunnelStage) => (s.count === null || !first ? null : s.count / first)
  const summary = (s: FunnelStage) => {
    const p = share(s)
    return s.count === null ? WITHHELD : p === null ? countText(s.count) : `${countText(s.count)} (${percentText(p)})`
  }
  const centre = LABEL_W + PLOT_W / 2
  return (
    <ChartFigure
      id={id}
      title={title}
      description={description}
      width={LABEL_W + PLOT_W + TEXT_W}
      height={stages.length * ROW_H + 10}
      notes={notes}
      table={{
        columns: [
          { header: 'Stage' },
          { header: 'Cases', numeric: true },
          { header: `Share of ${stages[0]?.label.toLowerCase() ?? 'the first stage'}`, numeric: true },
        ],
        rows: stages.map((s) => {
          const p = share(s)
          return [s.label, countText(s.count), p === null ? '–' : percentText(p)]
        }),
      }}
    >
      {stages.map((s, i) => {
        const y = 5 + i * ROW_H
        const w = s.count === null ? 0 : (s.count / max) * PLOT_W
        return (
          <g key={s.label}>
            <text x={LABEL_W - 8} y={y + ROW_H / 2 + 5} textAnchor="end">
              {`${i + 1}. ${s.label}`}
            </text>
            {s.count === null ? (
              <rect x={LABEL_W} y={y + 6} width={PLOT_W} height={ROW_H - 12} fill="none" stroke={C.midGrey} strokeDasharray="6 4" />
            ) : (
              <rect x={centre - w / 2} y={y + 6} width={Math.max(w, 2)} height={ROW_H - 12} fill={i === 0 ? C.darkBlue : C.blue} />
            )}
            <text x={LABEL_W + PLOT_W + 8} y={y + ROW_H / 2 + 5} fontWeight="bold">
              {summary(s)}
            </text>
          </g>
        )
      })}
    </ChartFigure>
  )
}
