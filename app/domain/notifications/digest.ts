// Building a person's daily or weekly digest, without I/O: from the reminder
// items addressed to them (app/domain/notifications/reminders.ts) of the kinds they chose that
// summary for, and the news the service found (intelligence waiting in their force's queue,
// referrals waiting for their organisation's decision, their referrals decided since the last one).
// References and links only: no victim's name or case detail.
import type { DigestItem, DigestProps } from './email-props'
import type { DigestPeriod } from './keys'
import type { Delivery, ReminderKind } from './kinds'
import { REMINDER_KINDS } from './kinds'
import { digestBucket, formatDay, formatWhen, type DigestWindow, type ReminderItem } from './reminders'
import { londonDateOf } from '~/domain/calendar/working-days'

/** The kinds a person chose this summary for (empty: they get no such digest). */
export function kindsFor(deliveries: Readonly<Record<ReminderKind, Delivery>>, period: DigestPeriod): ReminderKind[] {
  return REMINDER_KINDS.filter((k) => deliveries[k] === period)
}

/** News for a digest: events rather than deadlines. */
export type NewsItem =
  | { kind: 'intelligence'; itemId: string; reference: string; createdAt: Date }
  | { kind: 'referrals'; referralId: string; reference: string; state: 'waiting' | 'accepted' | 'declined'; at: Date }

const url = (baseUrl: string, path: string) => `${baseUrl.replace(/\/+$/, '')}${path}`

interface Line extends DigestItem {
  sortBy: string
}

function lineFor(item: ReminderItem, baseUrl: string): Line {
  switch (item.kind) {
    case 'entitlements':
      return {
        label: `Victims' Code right ${item.right} (${item.owedBy})`,
        reference: item.reference,
        dueOn: formatDay(item.dueBy),
        url: url(baseUrl, `/victims/${item.victimId}`),
        sortBy: item.dueBy,
      }
    case 'visits':
      return { label: 'Follow-up visit', reference: item.reference, dueOn: formatDay(item.dueBy), url: url(baseUrl, `/victims/${item.victimId}`), sortBy: item.dueBy }
    case 'hearings':
      return {
        label: item.hearing,
        reference: item.references.join(', '),
        dueOn: formatWhen(item.hearingAt),
        url: url(baseUrl, `/cases/${item.caseId}`),
        sortBy: `${londonDateOf(item.hearingAt)}T${item.hearingAt.toISOString()}`,
      }
  }
}

const NEWS_LABELS = { waiting: 'Referral waiting for your decision', accepted: 'Your referral was accepted', declined: 'Your referral was declined' }

function newsLine(item: NewsItem, baseUrl: string): Line {
  if (item.kind === 'intelligence') {
    return { label: 'New intelligence in your force’s queue', reference: item.reference, url: url(baseUrl, `/intelligence/${item.itemId}`), sortBy: item.createdAt.toISOString() }
  }
  return { label: NEWS_LABELS[item.state], reference: item.reference, url: url(baseUrl, `/referrals/${item.referralId}`), sortBy: item.at.toISOString() }
}

const strip = ({ label, reference, dueOn, url: link }: Line): DigestItem => ({ label, reference, ...(dueOn ? { dueOn } : {}), url: link })
const sorted = (lines: Line[]) => lines.sort((a, b) => (a.sortBy < b.sortBy ? -1 : a.sortBy > b.sortBy ? 1 : a.reference < b.reference ? -1 : 1)).map(strip)

/**
 * The digest's props, or null when it would be empty (no email then). `items` are the reminder
 * items addressed to this person; only those of `kinds` are listed, each once, by date.
 */
export function buildDigest(args: {
  window: DigestWindow
  name: string
  kinds: readonly ReminderKind[]
  items: readonly ReminderItem[]
  news: readonly NewsItem[]
  now: Date
  baseUrl: string
}): DigestProps | null {
  const { window, kinds, now, baseUrl } = args
  const buckets = { overdue: [] as Line[], due: [] as Line[], upcoming: [] as Line[] }
  const seen = new Set<string>()
  for (const item of args.items) {
    if (!kinds.includes(item.kind)) continue
    const bucket = digestBucket(item, window, now)
    if (!bucket) continue
    const line = lineFor(item, baseUrl)
    const id = `${item.kind}|${line.url}|${line.label}|${line.dueOn ?? ''}`
    if (seen.has(id)) continue
    seen.add(id)
    buckets[bucket].push(line)
  }
  const news = args.news.filter((n) => kinds.includes(n.kind)).map((n) => newsLine(n, baseUrl))
  if (buckets.overdue.length + buckets.due.length + buckets.upcoming.length + news.length === 0) return null
  return {
    period: window.period,
    name: args.name,
    overdue: sorted(buckets.overdue),
    due: sorted(buckets.due),
    upcoming: sorted(buckets.upcoming),
    news: sorted(news),
    url: url(baseUrl, '/'),
  }
}
