// The victim page's own sections: personal details, communication needs, contact and safe contact,
// enhanced rights, consent, and the record's status. The page (app/routes/victims.$victimId.tsx)
// composes these with other sections (cases, timeline, contacts); each takes only what it shows.
// Sensitive values arrive only when the server decided this user may see them (null otherwise).
import { Form, Link } from '@remix-run/react'
import { Button } from '~/components/button'
import { InsetText, WarningText } from '~/components/content'
import { SummaryCard, SummaryList } from '~/components/summary-list'
import { Tag } from '~/components/tag'
import type { EnhancedRights } from '~/domain/victims/enhanced-rights'
import { CONSENT_GIVERS, GENDERS, labelOf, LAWFUL_BASES, SAFE_CONTACT_METHODS } from '~/domain/victims/schema'
import { ageOn, formatDate, formatDateTime } from '~/utils/format'

type When = Date | string
const text = (v: string | null | undefined, fallback = 'Not recorded') => (v ? v : fallback)
const multiline = (v: string | null | undefined, fallback = 'Not recorded') => (v ? <span className="app-preserve-lines">{v}</span> : fallback)
const change = (victimId: string, canUpdate: boolean, what: string) =>
  canUpdate ? [{ href: `/victims/${victimId}/edit`, text: 'Change', visuallyHiddenText: what }] : undefined

export interface PersonalDetails {
  id: string
  reference: string
  firstName: string
  lastName: string
  preferredName: string | null
  dateOfBirth: When
  gender: string | null
  riskNotes: string | null
}

export function PersonalDetailsSection({
  victim,
  ethnicity,
  canUpdate,
}: {
  victim: PersonalDetails
  ethnicity: string | null | undefined
  canUpdate: boolean
}) {
  const age = ageOn(victim.dateOfBirth)
  return (
    <section aria-labelledby="personal-details">
      <h2 className="govuk-heading-m" id="personal-details">
        Personal details
      </h2>
      <SummaryList
        testId="personal-details-list"
        rows={[
          { key: 'Reference', value: victim.reference },
          { key: 'Name', value: `${victim.firstName} ${victim.lastName}`, actions: change(victim.id, canUpdate, 'name') },
          { key: 'Preferred name', value: text(victim.preferredName, 'Not given'), actions: change(victim.id, canUpdate, 'preferred name') },
          {
            key: 'Date of birth',
            value: `${formatDate(victim.dateOfBirth)} (age ${age})`,
            actions: change(victim.id, canUpdate, 'date of birth'),
          },
          { key: 'Gender', value: text(labelOf(GENDERS, victim.gender)), actions: change(victim.id, canUpdate, 'gender') },
          ethnicity !== undefined && { key: 'Ethnicity', value: text(ethnicity, 'Not given'), actions: change(victim.id, canUpdate, 'ethnicity') },
          {
            key: 'Risk and vulnerability notes',
            value: multiline(victim.riskNotes, 'None recorded'),
            actions: change(victim.id, canUpdate, 'risk notes'),
          },
        ]}
      />
    </section>
  )
}

export interface CommunicationNeeds {
  id: string
  preferredLanguage: string | null
  interpreterNeeded: boolean
  intermediaryNeeded: boolean
  otherAdjustments: string | null
}

export function CommunicationSection({ victim, canUpdate }: { victim: CommunicationNeeds; canUpdate: boolean }) {
  return (
    <section aria-labelledby="communication-needs">
      <h2 className="govuk-heading-m" id="communication-needs">
        Communication needs
      </h2>
      <SummaryList
        testId="communication-needs-list"
        rows={[
          { key: 'Preferred language', value: text(victim.preferredLanguage), actions: change(victim.id, canUpdate, 'preferred language') },
          { key: 'Interpreter', value: victim.interpreterNeeded ? 'Needed' : 'Not needed', actions: change(victim.id, canUpdate, 'interpreter') },
          { key: 'Intermediary', value: victim.intermediaryNeeded ? 'Needed' : 'Not needed', actions: change(victim.id, canUpdate, 'intermediary') },
          {
            key: 'Other adjustments',
            value: multiline(victim.otherAdjustments, 'None recorded'),
            actions: change(victim.id, canUpdate, 'other adjustments'),
          },
        ]}
      />
    </section>
  )
}

export interface ContactView {
  contact: { address: string | null; phone: string | null; email: string | null } | null
  safeContact: { method: string | null; times: string | null; noVoicemail: boolean; doNotTell?: string | null } | null
  nominatedContact: { name: string | null; relationship: string | null; phone: string | null; email: string | null } | null
}

export function ContactSection({ victimId, view, canUpdate }: { victimId: string; view: ContactView; canUpdate: boolean }) {
  const { contact, safeContact, nominatedContact } = view
  return (
    <section aria-labelledby="contact-details">
      <h2 className="govuk-heading-m" id="contact-details">
        Contact
      </h2>
      {contact && safeContact && nominatedContact ? (
        <>
          <SummaryList
            testId="contact-details"
            rows={[
              { key: 'Address', value: multiline(contact.address), actions: change(victimId, canUpdate, 'address') },
              { key: 'Phone', value: text(contact.phone), actions: change(victimId, canUpdate, 'phone') },
              { key: 'Email', value: text(contact.email), actions: change(victimId, canUpdate, 'email') },
            ]}
          />
          <h3 className="govuk-heading-s">Safe contact</h3>
          {safeContact.noVoicemail ? <WarningText testId="no-voicemail">Do not leave voicemail.</WarningText> : null}
          <SummaryList
            testId="safe-contact"
            rows={[
              {
                key: 'Safe way to contact',
                value: text(labelOf(SAFE_CONTACT_METHODS, safeContact.method)),
                actions: change(victimId, canUpdate, 'safe way to contact'),
              },
              { key: 'Safe times', value: multiline(safeContact.times), actions: change(victimId, canUpdate, 'safe times') },
              {
                key: 'Voicemail',
                value: safeContact.noVoicemail ? 'Do not leave voicemail' : 'Voicemail is allowed',
                actions: change(victimId, canUpdate, 'voicemail'),
              },
              safeContact.doNotTell !== undefined && {
                key: 'Who must not be told',
                value: multiline(safeContact.doNotTell, 'No one recorded'),
                actions: change(victimId, canUpdate, 'who must not be told'),
                testId: 'do-not-tell',
              },
            ]}
          />
          <h3 className="govuk-heading-s">Parent, guardian or nominated contact</h3>
          <SummaryList
            testId="nominated-contact"
            rows={[
              { key: 'Name', value: text(nominatedContact.name), actions: change(victimId, canUpdate, 'contact’s name') },
              { key: 'Relationship', value: text(nominatedContact.relationship), actions: change(victimId, canUpdate, 'contact’s relationship') },
              { key: 'Phone', value: text(nominatedContact.phone), actions: change(victimId, canUpdate, 'contact’s phone') },
              { key: 'Email', value: text(nominatedContact.email), actions: change(victimId, canUpdate, 'contact’s email') },
            ]}
          />
        </>
      ) : (
        <InsetText testId="contact-details-withheld">
          Contact details and safe-contact arrangements are not shown to CPS staff. Contact the victim through the officer in charge or their
          advocate.
        </InsetText>
      )}
    </section>
  )
}

export function EnhancedRightsSection({ rights }: { rights: EnhancedRights }) {
  return (
    <section aria-labelledby="enhanced-rights" data-testid="enhanced-rights">
      <h2 className="govuk-heading-m" id="enhanced-rights">
        Enhanced rights
      </h2>
      <SummaryList
        rows={[
          {
            key: 'Eligible',
            value: rights.eligible ? <Tag colour="green">Enhanced rights</Tag> : <Tag colour="grey">Not eligible</Tag>,
          },
          {
            key: 'Grounds',
            value: rights.grounds.length ? (
              <ul className="govuk-list">
                {rights.grounds.map((g) => (
                  <li key={g.id}>
                    <Tag colour={'manual' in g ? 'blue' : 'turquoise'}>{'manual' in g ? 'Recorded' : 'Automatic'}</Tag> {g.label}
                    {'note' in g && g.note ? <span className="govuk-hint govuk-!-display-block govuk-!-margin-bottom-0">{g.note}</span> : null}
                  </li>
                ))}
              </ul>
            ) : (
              'None'
            ),
          },
        ]}
      />
      {rights.notes.map((n) => (
        <p key={n} className="govuk-body-s">
          {n}
        </p>
      ))}
    </section>
  )
}

export interface ConsentRow {
  id: string
  scope: string
  sharedWith: string
  givenBy: string | null
  lawfulBasis: string | null
  recordedAt: When
  withdrawnAt: When | null
  recordedBy: { name: string }
}

export function ConsentSection({ victimId, consents, canUpdate }: { victimId: string; consents: readonly ConsentRow[]; canUpdate: boolean }) {
  return (
    <section aria-labelledby="consent" data-testid="consents">
      <h2 className="govuk-heading-m" id="consent">
        Consent and information sharing
      </h2>
      {consents.length === 0 ? <p className="govuk-body">No consent or lawful basis for sharing is recorded.</p> : null}
      {consents.map((c, i) => (
        <SummaryCard
          key={c.id}
          headingLevel={3}
          title={
            <>
              Sharing {i + 1} {c.withdrawnAt ? <Tag colour="grey">Withdrawn</Tag> : <Tag colour="green">Active</Tag>}
            </>
          }
        >
          <SummaryList
            rows={[
              { key: 'What may be shared', value: c.scope },
              { key: 'With', value: c.sharedWith },
              c.givenBy
                ? { key: 'Consent given by', value: labelOf(CONSENT_GIVERS, c.givenBy) }
                : { key: 'Lawful basis (without consent)', value: labelOf(LAWFUL_BASES, c.lawfulBasis) ?? 'Not recorded' },
              { key: 'Recorded', value: `${formatDateTime(c.recordedAt)} by ${c.recordedBy.name}` },
              c.withdrawnAt ? { key: 'Withdrawn', value: formatDateTime(c.withdrawnAt) } : null,
            ]}
          />
          {canUpdate && !c.withdrawnAt ? (
            <Form method="post" action={`/victims/${victimId}/consent`}>
              <input type="hidden" name="intent" value="withdraw" />
              <input type="hidden" name="consentId" value={c.id} />
              <Button variant="secondary" className="govuk-!-margin-bottom-0">
                Withdraw<span className="govuk-visually-hidden"> sharing {i + 1}</span>
              </Button>
            </Form>
          ) : null}
        </SummaryCard>
      ))}
      {canUpdate ? (
        <p className="govuk-body">
          <Link className="govuk-link" to={`/victims/${victimId}/consent`}>
            Record consent or a lawful basis for sharing
          </Link>
        </p>
      ) : null}
    </section>
  )
}

export function RecordStatus({
  victimId,
  status,
  closedAt,
  closedReason,
  canUpdate,
}: {
  victimId: string
  status: string
  closedAt: When | null
  closedReason: string | null
  canUpdate: boolean
}) {
  return (
    <section aria-labelledby="record-status">
      <h2 className="govuk-heading-m" id="record-status">
        Record
      </h2>
      {status === 'closed' ? (
        <InsetText testId="closed-reason">
          Closed{closedAt ? ` on ${formatDate(closedAt)}` : ''}
          {closedReason ? `: ${closedReason}` : ''}
        </InsetText>
      ) : null}
      {canUpdate ? (
        <ul className="govuk-list">
          <li>
            <Link className="govuk-link" to={`/victims/${victimId}/edit`}>
              Change victim details
            </Link>
          </li>
          <li>
            <Link className="govuk-link" to={`/victims/${victimId}/close`}>
              {status === 'closed' ? 'Reopen this record' : 'Close this record'}
            </Link>
          </li>
        </ul>
      ) : (
        <p className="govuk-body-s">You can view this record but not change it.</p>
      )}
    </section>
  )
}
