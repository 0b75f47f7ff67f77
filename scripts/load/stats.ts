// Summaries of recorded requests: counts by outcome and latency percentiles (nearest rank).
import type { Sample } from './client'

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0
}

export interface Summary {
  requests: number
  perSecond: number
  byOutcome: Record<string, number>
  p50: number
  p95: number
  p99: number
  max: number
}

export function summarise(samples: Sample[], seconds: number): Summary {
  const ms = samples.map((s) => s.ms).sort((a, b) => a - b)
  const byOutcome: Record<string, number> = {}
  for (const s of samples) byOutcome[String(s.outcome)] = (byOutcome[String(s.outcome)] ?? 0) + 1
  return {
    requests: samples.length,
    perSecond: Math.round((samples.length / Math.max(seconds, 0.001)) * 10) / 10,
    byOutcome,
    p50: percentile(ms, 50),
    p95: percentile(ms, 95),
    p99: percentile(ms, 99),
    max: ms.at(-1) ?? 0,
  }
}

export function byAction(samples: Sample[], seconds: number): Record<string, Summary> {
  const groups = new Map<string, Sample[]>()
  for (const s of samples) groups.set(s.action, [...(groups.get(s.action) ?? []), s])
  return Object.fromEntries([...groups].sort(([a], [b]) => a.localeCompare(b)).map(([action, list]) => [action, summarise(list, seconds)]))
}

export const isServerError = (s: Sample) => typeof s.outcome === 'number' && s.outcome >= 500
export const isFailure = (s: Sample) => typeof s.outcome !== 'number' || s.outcome >= 500
