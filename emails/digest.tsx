import { Heading, Link, Text } from '@react-email/components'
import { EmailLayout, link, paragraph } from './layout'
import { ActionLink } from './reminder-parts'

export interface DigestItem {
  /** What is owed, e.g. "Victims' Code right 6 (Police)" or "Follow-up visit". */
  label: string
  reference: string
  /** Formatted date it is or was due, when it has one. */
  dueOn?: string
  url: string
}

export interface DigestProps {
  period: 'daily' | 'weekly'
  /** The recipient's own name (a professional, not a victim). */
  name: string
  overdue: DigestItem[]
  due: DigestItem[]
  upcoming: DigestItem[]
  /** Event news since the last digest, e.g. referrals waiting, intelligence in the queue. */
  news: DigestItem[]
  url: string
}

function Section({ title, items }: { title: string; items: DigestItem[] }) {
  if (items.length === 0) return null
  return (
    <>
      <Heading as="h2" style={{ fontSize: '22px', margin: '24px 0 8px' }}>{`${title} (${items.length})`}</Heading>
      {items.map((item) => (
        <Text key={`${item.url}|${item.label}`} style={paragraph}>
          <Link href={item.url} style={link}>
            {`${item.reference}: ${item.label}`}
          </Link>
          {item.dueOn ? ` — ${item.dueOn}` : ''}
        </Text>
      ))}
    </>
  )
}

export function DigestEmail({ period, name, overdue, due, upcoming, news, url }: DigestProps) {
  const heading = period === 'daily' ? 'Your daily Waypoint summary' : 'Your weekly Waypoint summary'
  return (
    <EmailLayout preview={heading} heading={heading}>
      <Text style={paragraph}>{`${name}, this is what is overdue, due and coming up for you.`}</Text>
      <Section title="Overdue" items={overdue} />
      <Section title={period === 'daily' ? 'Due today' : 'Due this week'} items={due} />
      <Section title="Coming up" items={upcoming} />
      <Section title="New since your last summary" items={news} />
      <ActionLink url={url} label="Open Waypoint" />
    </EmailLayout>
  )
}
DigestEmail.subject = (p: DigestProps) => `${p.period === 'daily' ? 'Daily' : 'Weekly'} summary: ${p.overdue.length} overdue, ${p.due.length} due`
DigestEmail.PreviewProps = {
  period: 'weekly',
  name: 'Sam Example',
  overdue: [{ label: "Victims' Code right 6 (Police)", reference: 'WP-DEMO-0001', dueOn: 'Friday 27 November 2026', url: 'http://localhost:3000/victims/example' }],
  due: [{ label: 'Follow-up visit', reference: 'WP-DEMO-0002', dueOn: 'Wednesday 2 December 2026', url: 'http://localhost:3000/victims/example-2' }],
  upcoming: [{ label: 'Trial', reference: 'WP-DEMO-0003', dueOn: 'Monday 7 December 2026', url: 'http://localhost:3000/cases/example' }],
  news: [],
  url: 'http://localhost:3000/',
} satisfies DigestProps

export default DigestEmail
