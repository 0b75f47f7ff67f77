import { describe, expect, test } from 'vitest'
import type { Actor, Role } from '~/domain/access/policy'
import { navigationFor, NAVIGATION } from '~/domain/access/navigation'
import {
  applyQueueAction,
  canAnswerIntelligenceItem,
  canReviewIntelligenceItem,
  canSeeIntelligenceItem,
  canUseIntelligenceQueue,
  gradeOf,
  HANDLING_CODES,
  INTELLIGENCE_ASSESSMENTS,
  itemFormSchema,
  ITEM_STATUSES,
  newItemKey,
  QUEUE_FORMS,
  SOURCE_EVALUATIONS,
  SUBJECTS,
  TRANSITIONS,
  type ItemStatus,
  type QueueAction,
} from '~/domain/intelligence/item'

const KEY = 'iabcdefabcdefabcdefabcdef'
const valid = {
  policeOrganisationId: 'org-police',
  subject: 'vehicle',
  detail: 'A silver car, partial registration NX7 (invented)',
  sourceEvaluation: '2',
  intelligenceAssessment: 'B',
  handlingCode: 'P',
  idempotencyKey: KEY,
}
const issuesOf = (input: Record<string, unknown>) => {
  const parsed = itemFormSchema.safeParse(input)
  return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message]))
}

describe('the vocabulary', () => {
  test('five subjects and the 3x5x2 grading', () => {
    expect(SUBJECTS.map((s) => s.id)).toEqual(['person', 'place', 'vehicle', 'online_account', 'pattern'])
    expect(SOURCE_EVALUATIONS.map((s) => s.id)).toEqual(['1', '2', '3'])
    expect(INTELLIGENCE_ASSESSMENTS.map((s) => s.id)).toEqual(['A', 'B', 'C', 'D', 'E'])
    expect(HANDLING_CODES.map((s) => s.id)).toEqual(['P', 'C'])
    expect(SOURCE_EVALUATIONS.map((s) => s.label).join()).toMatch(/Reliable.*Untested.*Not reliable/)
    expect(INTELLIGENCE_ASSESSMENTS[4]!.label).toMatch(/Suspected to be false/)
    expect(gradeOf({ sourceEvaluation: '2', intelligenceAssessment: 'B', handlingCode: 'C' })).toBe('2 B C')
  })

  test('form keys look like ids and differ', () => {
    const a = newItemKey()
    expect(a).toMatch(/^[a-z0-9]{20,40}$/)
    expect(newItemKey()).not.toBe(a)
  })
})

describe('the item form', () => {
  test('a complete item parses; conditions are dropped for handling code P', () => {
    const parsed = itemFormSchema.parse({ ...valid, handlingConditions: 'ignored' })
    expect(parsed).toEqual({ ...valid, idempotencyKey: KEY })
    expect(parsed).not.toHaveProperty('handlingConditions')
  })

  test('an empty form names every missing answer against its field', () => {
    expect(issuesOf({ idempotencyKey: KEY })).toEqual({
      policeOrganisationId: 'Select the police organisation to send it to',
      subject: 'Select what the intelligence is about',
      detail: 'Enter the intelligence',
      sourceEvaluation: 'Select how reliable the source is',
      intelligenceAssessment: 'Select how the source knows it',
      handlingCode: 'Select the handling code',
    })
  })

  test('handling code C needs the conditions', () => {
    expect(issuesOf({ ...valid, handlingCode: 'C' })).toEqual({ handlingConditions: 'Enter the conditions for sharing' })
    expect(issuesOf({ ...valid, handlingCode: 'C', handlingConditions: '   ' })).toEqual({ handlingConditions: 'Enter the conditions for sharing' })
    expect(itemFormSchema.parse({ ...valid, handlingCode: 'C', handlingConditions: ' Not to her school ' }).handlingConditions).toBe('Not to her school')
  })

  test('values outside the lists, over-long text and a bad form key are refused', () => {
    expect(issuesOf({ ...valid, subject: 'weapon' })).toHaveProperty('subject')
    expect(issuesOf({ ...valid, sourceEvaluation: '4' })).toHaveProperty('sourceEvaluation')
    expect(issuesOf({ ...valid, intelligenceAssessment: 'F' })).toHaveProperty('intelligenceAssessment')
    expect(issuesOf({ ...valid, handlingCode: 'X' })).toHaveProperty('handlingCode')
    expect(issuesOf({ ...valid, detail: 'x'.repeat(4001) })).toEqual({ detail: 'The intelligence must be 4,000 characters or fewer' })
    expect(issuesOf({ ...valid, detail: '   ' })).toEqual({ detail: 'Enter the intelligence' })
    expect(issuesOf({ ...valid, idempotencyKey: 'short' })).toHaveProperty('idempotencyKey')
    expect(issuesOf({ ...valid, idempotencyKey: '../../etc/passwd-aaaaaaaaaaaaaa' })).toHaveProperty('idempotencyKey')
  })
})

describe('the queue state machine', () => {
  const submit: QueueAction = { type: 'submit', reference: ' INT/NM/26/00417 ' }
  const ret: QueueAction = { type: 'return', question: 'Which road?' }
  const answer: QueueAction = { type: 'answer', answer: 'Fellside Avenue' }

  test('new → submitted with the reference; new → returned with the question; returned → new with the answer', () => {
    expect(applyQueueAction('new', submit)).toEqual({ ok: true, change: { status: 'submitted', policeReference: 'INT/NM/26/00417' } })
    expect(applyQueueAction('new', ret)).toEqual({ ok: true, change: { status: 'returned', question: 'Which road?', answer: null } })
    expect(applyQueueAction('returned', answer)).toEqual({ ok: true, change: { status: 'new', answer: 'Fellside Avenue' } })
  })

  test('every move the table does not allow is refused with a message', () => {
    const statuses = ITEM_STATUSES.map((s) => s.id) as ItemStatus[]
    for (const status of statuses) {
      for (const action of [submit, ret, answer]) {
        const result = applyQueueAction(status, action)
        expect(result.ok, `${action.type} from ${status}`).toBe(TRANSITIONS[status].includes(action.type))
        if (!result.ok) expect(result.issues[0]).toMatchObject({ path: 'action', message: expect.stringMatching(/^This item cannot be/) })
      }
    }
    expect(applyQueueAction('submitted', submit)).toEqual({
      ok: false,
      issues: [{ path: 'action', message: 'This item cannot be marked submitted: it is already submitted' }],
    })
    expect(applyQueueAction('returned', submit)).toMatchObject({ ok: false, issues: [{ message: expect.stringContaining('waiting for the author') }] })
  })

  test('each action needs its text, against its own field', () => {
    expect(applyQueueAction('new', { type: 'submit', reference: '  ' })).toEqual({
      ok: false,
      issues: [{ path: 'reference', message: 'Enter the reference from the police intelligence system' }],
    })
    expect(applyQueueAction('new', { type: 'submit', reference: 'x'.repeat(61) })).toMatchObject({ ok: false, issues: [{ path: 'reference' }] })
    expect(applyQueueAction('new', { type: 'return', question: '' })).toEqual({
      ok: false,
      issues: [{ path: 'question', message: 'Enter the question for the author' }],
    })
    expect(applyQueueAction('returned', { type: 'answer', answer: ' ' })).toEqual({
      ok: false,
      issues: [{ path: 'answer', message: 'Enter your answer to the question' }],
    })
  })

  test('each action form reads its text and the version', () => {
    expect(QUEUE_FORMS.submit.parse({ reference: 'R1', version: '3' })).toEqual({ reference: 'R1', version: 3 })
    expect(QUEUE_FORMS.answer.parse({ version: '1' })).toEqual({ answer: '', version: 1 })
    expect(QUEUE_FORMS.submit.safeParse({ reference: 'R', version: 'x' }).success).toBe(false)
  })
})

describe('who may see and review an item', () => {
  const item = { policeOrganisationId: 'police-a', authorId: 'author' }
  const actor = (role: Role, organisationId: string, id = `${role}-${organisationId}`): Actor => ({ id, role, organisationId })

  test('the author and the officers and managers of the police organisation see it', () => {
    expect(canSeeIntelligenceItem(actor('advocate', 'service', 'author'), item)).toBe(true)
    expect(canSeeIntelligenceItem(actor('officer', 'police-a'), item)).toBe(true)
    expect(canSeeIntelligenceItem(actor('manager', 'police-a'), item)).toBe(true)
  })

  test('nobody else: another force, CPS, witness care, other advocates, the author’s manager, administrators', () => {
    for (const other of [
      actor('officer', 'police-b'),
      actor('manager', 'police-b'),
      actor('cps_liaison', 'cps'),
      actor('cps_liaison', 'police-a'),
      actor('advocate', 'service'),
      actor('advocate', 'police-a'),
      actor('manager', 'service'),
      actor('admin', 'police-a'),
      actor('admin', 'admin'),
    ]) {
      expect(canSeeIntelligenceItem(other, item), `${other.role} of ${other.organisationId}`).toBe(false)
      expect(canReviewIntelligenceItem(other, item)).toBe(false)
      expect(canAnswerIntelligenceItem(other, item)).toBe(false)
    }
  })

  test('only the police organisation reviews; only the author answers', () => {
    expect(canReviewIntelligenceItem(actor('officer', 'police-a'), item)).toBe(true)
    expect(canReviewIntelligenceItem(actor('manager', 'police-a'), item)).toBe(true)
    expect(canReviewIntelligenceItem(actor('advocate', 'service', 'author'), item)).toBe(false)
    expect(canAnswerIntelligenceItem(actor('advocate', 'service', 'author'), item)).toBe(true)
    expect(canAnswerIntelligenceItem(actor('officer', 'police-a'), item)).toBe(false)
  })

  test('the queue is for officers and managers of a police organisation', () => {
    expect(canUseIntelligenceQueue(actor('officer', 'p'), 'police')).toBe(true)
    expect(canUseIntelligenceQueue(actor('manager', 'p'), 'police')).toBe(true)
    expect(canUseIntelligenceQueue(actor('manager', 's'), 'voluntary')).toBe(false)
    expect(canUseIntelligenceQueue(actor('cps_liaison', 'w'), 'witness_care')).toBe(false)
    expect(canUseIntelligenceQueue(actor('advocate', 's'), 'police')).toBe(false)
    expect(canUseIntelligenceQueue(actor('admin', 'a'), 'police')).toBe(false)
  })

  test('the navigation shows the queue to police officers and managers only', () => {
    expect(navigationFor('officer', 'police').map((i) => i.href)).toContain('/intelligence')
    expect(navigationFor('manager', 'police').map((i) => i.href)).toContain('/intelligence')
    expect(navigationFor('manager', 'voluntary')).toEqual(NAVIGATION.manager)
    expect(navigationFor('advocate', 'voluntary')).toEqual(NAVIGATION.advocate)
    expect(navigationFor('cps_liaison', 'witness_care')).toEqual(NAVIGATION.cps_liaison)
    expect(navigationFor('admin', 'police')).toEqual(NAVIGATION.admin)
  })
})
