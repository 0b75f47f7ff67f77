import { Heading, Link, Text } from '@react-email/components'
import { EmailLayout, link, paragraph } from './layout'
import { ActionLink } from './reminder-parts'
import type { DigestItem, DigestProps } from '../app/domain/notifications/email-props'

// A long list is cut short: the summary points to Waypoint, where the full list is.
const MOST_PER_SECTION = 20
const subheading = { fontSize: '22px', margin: '32px 0 8px' }
const when = { fontSize: '16px', color: '#505a5f' }

function Section({ title, items, datePrefix }: { title: string; items: DigestItem[]; datePrefix: string }) {
  if (items.length === 0) return null
  const shown = items.slice(0, MOST_PER_SECTION)
  const more = items.length - shown.length
  return (
    <>
      <Heading as="h2" style={subheading}>{`${title} (${items.length})`}</Heading>
      {shown.map((item) => (
        <Text key={`${item.url}|${item.label}`} style={{ ...paragraph, margin: '0 0 12px' }}>
          <Link href={item.url} style={link}>
            {`${item.reference}: ${item.label}`}
          </Link>
          {item.dueOn ? (
            <>
              <br />
              <span style={when}>{`${datePrefix} ${item.dueOn}`}</span>
            </>
          ) : null}
        </Text>
      ))}
      {more > 0 ? <Text style={paragraph}>{`And ${more} more in Waypoint.`}</Text> : null}
    </>
  )
}

export function DigestEmail({ period, name, overdue, due, upcoming, news, url }: DigestProps) {
  const heading = `Your ${period} Waypoint summary`
  const empty = overdue.length + due.length + upcoming.length + news.length === 0
  return (
    <EmailLayout preview={digestSubject({ period, overdue, due })} heading={heading}>
      <Text style={paragraph}>{`Hello ${name},`}</Text>
      <Text style={paragraph}>
        {empty
          ? `Nothing is overdue, due or coming up for you, and nothing new has arrived since your last summary.`
          : `This is what is overdue, due and coming up for you${period === 'daily' ? ' today' : ' this week'}.`}
      </Text>
      <Section title="Overdue" items={overdue} datePrefix="Was due" />
      <Section title={period === 'daily' ? 'Due today' : 'Due this week'} items={due} datePrefix="Due" />
      <Section title="Coming up" items={upcoming} datePrefix="On" />
      <Section title="New since your last summary" items={news} datePrefix="On" />
      <ActionLink url={url} label={empty ? 'You can check your work in Waypoint at any time' : 'See everything in Waypoint'} />
    </EmailLayout>
  )
}

function digestSubject(p: Pick<DigestProps, 'period' | 'overdue' | 'due'>) {
  const counts = [p.overdue.length > 0 ? `${p.overdue.length} overdue` : '', p.due.length > 0 ? `${p.due.length} due` : ''].filter(Boolean)
  return `Your ${p.period} Waypoint summary: ${counts.length > 0 ? counts.join(', ') : 'nothing overdue or due'}`
}
DigestEmail.subject = (p: DigestProps) => digestSubject(p)
DigestEmail.PreviewProps = {
  period: 'weekly',
  name: 'Sam Example',
  overdue: [{ label: "Victims' Code right 6 (Police)", reference: 'WP-DEMO-0001', dueOn: 'Friday 27 November 2026', url: 'http://localhost:3000/victims/example' }],
  due: [{ label: 'Follow-up visit', reference: 'WP-DEMO-0002', dueOn: 'Wednesday 2 December 2026', url: 'http://localhost:3000/victims/example-2' }],
  upcoming: [{ label: 'Trial', reference: 'WP-DEMO-0003', dueOn: 'Monday 7 December 2026', url: 'http://localhost:3000/cases/example' }],
  news: [{ label: 'Referral waiting for your decision', reference: 'WP-DEMO-0004', url: 'http://localhost:3000/referrals/example' }],
  url: 'http://localhost:3000/',
} satisfies DigestProps

export default DigestEmail
