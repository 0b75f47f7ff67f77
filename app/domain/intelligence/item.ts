// Intelligence for the police. What a visit or a return home interview taught an
// advocate about a person, place, vehicle, online account or pattern goes to the police
// organisation's intelligence queue, graded with the UK 3x5x2 model (source evaluation,
// intelligence assessment, handling code). An officer of that force marks it submitted with the
// reference from their own intelligence system, or returns it with a question; the author answers
// and the item is new again. Pure: the vocabulary, the item form, the queue's state machine and who
// may see or review an item.
import { z } from 'zod'
import { formKey } from '~/domain/form-key'
import type { Actor } from '~/domain/access/policy'

const option = <T extends string>(id: T, label: string) => ({ id, label })
type Ids<T extends readonly { id: string }[]> = [T[number]['id'], ...T[number]['id'][]]
const ids = <T extends readonly { id: string }[]>(list: T) => list.map((x) => x.id) as Ids<T>
export const labelOf = (list: readonly { id: string; label: string }[], id: string | null | undefined) => list.find((x) => x.id === id)?.label ?? id ?? ''

export const SUBJECTS = [
  option('person', 'A person'),
  option('place', 'A place'),
  option('vehicle', 'A vehicle'),
  option('online_account', 'An online account'),
  option('pattern', 'A pattern (times, routes, how contact is made)'),
] as const

// 3x5x2 (the national intelligence grading used by UK police forces).
export const SOURCE_EVALUATIONS = [option('1', '1 – Reliable'), option('2', '2 – Untested'), option('3', '3 – Not reliable')] as const

export const INTELLIGENCE_ASSESSMENTS = [
  option('A', 'A – Known directly to the source'),
  option('B', 'B – Known indirectly to the source but corroborated'),
  option('C', 'C – Known indirectly to the source'),
  option('D', 'D – Not known'),
  option('E', 'E – Suspected to be false'),
] as const

export const HANDLING_CODES = [option('P', 'P – Lawful sharing permitted'), option('C', 'C – Lawful sharing permitted with conditions')] as const

export const ITEM_STATUSES = [option('new', 'New'), option('submitted', 'Submitted'), option('returned', 'Returned with a question')] as const

export type Subject = (typeof SUBJECTS)[number]['id']
export type ItemStatus = (typeof ITEM_STATUSES)[number]['id']

/** The short grade police write on an intelligence log, e.g. "2 B P". */
export const gradeOf = (i: { sourceEvaluation: string; intelligenceAssessment: string; handlingCode: string }) =>
  `${i.sourceEvaluation} ${i.intelligenceAssessment} ${i.handlingCode}`

// ---- the item form ------------------------------------------------------------------------------

const required = (message: string, max: number, name: string) =>
  z
    .string({ error: message })
    .trim()
    .min(1, message)
    .max(max, `${name} must be ${max.toLocaleString('en-GB')} characters or fewer`)

export interface ItemInput {
  policeOrganisationId: string
  subject: Subject
  detail: string
  sourceEvaluation: (typeof SOURCE_EVALUATIONS)[number]['id']
  intelligenceAssessment: (typeof INTELLIGENCE_ASSESSMENTS)[number]['id']
  handlingCode: (typeof HANDLING_CODES)[number]['id']
  handlingConditions?: string
}

/** The "add intelligence for the police" form; conditions are required (only) for handling code C. */
export const itemFormSchema = z
  .object({
    policeOrganisationId: z
      .string({ error: 'Select the police organisation to send it to' })
      .trim()
      .min(1, 'Select the police organisation to send it to')
      .max(40, 'Select the police organisation to send it to'),
    subject: z.enum(ids(SUBJECTS), { error: 'Select what the intelligence is about' }),
    detail: required('Enter the intelligence', 4000, 'The intelligence'),
    sourceEvaluation: z.enum(ids(SOURCE_EVALUATIONS), { error: 'Select how reliable the source is' }),
    intelligenceAssessment: z.enum(ids(INTELLIGENCE_ASSESSMENTS), { error: 'Select how the source knows it' }),
    handlingCode: z.enum(ids(HANDLING_CODES), { error: 'Select the handling code' }),
    handlingConditions: z
      .string()
      .trim()
      .max(1000, 'The conditions must be 1,000 characters or fewer')
      .optional()
      .transform((v) => v || undefined),
    // The key becomes the item's id.
    idempotencyKey: formKey(/^[a-z0-9]{20,40}$/),
  })
  .transform((v, ctx): ItemInput & { idempotencyKey: string } => {
    if (v.handlingCode === 'C' && !v.handlingConditions) {
      ctx.addIssue({ code: 'custom', path: ['handlingConditions'], message: 'Enter the conditions for sharing' })
      return z.NEVER
    }
    return {
      policeOrganisationId: v.policeOrganisationId,
      subject: v.subject,
      detail: v.detail,
      sourceEvaluation: v.sourceEvaluation,
      intelligenceAssessment: v.intelligenceAssessment,
      handlingCode: v.handlingCode,
      ...(v.handlingCode === 'C' ? { handlingConditions: v.handlingConditions } : {}),
      idempotencyKey: v.idempotencyKey,
    }
  })

/** A fresh form key, shaped like the item id it becomes (the key is the new item's id: a double submit finds it). */
export function newItemKey(random: () => string = () => crypto.randomUUID()): string {
  return `i${random().replace(/-/g, '').slice(0, 24)}`
}

// ---- the queue's state machine ------------------------------------------------------------------

export type QueueAction = { type: 'submit'; reference: string } | { type: 'return'; question: string } | { type: 'answer'; answer: string }

export interface QueueIssue {
  path: 'reference' | 'question' | 'answer' | 'action'
  message: string
}

export interface QueueChange {
  status: ItemStatus
  policeReference?: string | null
  question?: string | null
  answer?: string | null
}

const ACTION_WORDS: Record<QueueAction['type'], string> = { submit: 'marked submitted', return: 'returned with a question', answer: 'answered' }
const STATUS_WORDS: Record<ItemStatus, string> = { new: 'new', submitted: 'already submitted', returned: 'waiting for the author’s answer' }

/** Which actions the queue allows from each status. */
export const TRANSITIONS: Record<ItemStatus, readonly QueueAction['type'][]> = {
  new: ['submit', 'return'],
  returned: ['answer'],
  submitted: [],
}

/**
 * The next state of an item, or the problems with the move: submitting needs the reference from the
 * police intelligence system, returning needs the question, answering needs the answer; an item
 * already submitted is final, and one returned waits for its author before the police act on it.
 */
export function applyQueueAction(status: ItemStatus, action: QueueAction): { ok: true; change: QueueChange } | { ok: false; issues: QueueIssue[] } {
  if (!TRANSITIONS[status].includes(action.type)) {
    return { ok: false, issues: [{ path: 'action', message: `This item cannot be ${ACTION_WORDS[action.type]}: it is ${STATUS_WORDS[status]}` }] }
  }
  switch (action.type) {
    case 'submit': {
      const reference = action.reference.trim()
      if (!reference) return { ok: false, issues: [{ path: 'reference', message: 'Enter the reference from the police intelligence system' }] }
      if (reference.length > 60) return { ok: false, issues: [{ path: 'reference', message: 'The reference must be 60 characters or fewer' }] }
      return { ok: true, change: { status: 'submitted', policeReference: reference } }
    }
    case 'return': {
      const question = action.question.trim()
      if (!question) return { ok: false, issues: [{ path: 'question', message: 'Enter the question for the author' }] }
      if (question.length > 2000) return { ok: false, issues: [{ path: 'question', message: 'The question must be 2,000 characters or fewer' }] }
      return { ok: true, change: { status: 'returned', question, answer: null } }
    }
    case 'answer': {
      const answer = action.answer.trim()
      if (!answer) return { ok: false, issues: [{ path: 'answer', message: 'Enter your answer to the question' }] }
      if (answer.length > 4000) return { ok: false, issues: [{ path: 'answer', message: 'The answer must be 4,000 characters or fewer' }] }
      return { ok: true, change: { status: 'new', answer } }
    }
  }
}

const itemVersion = z.coerce.number().int().min(1)
const queueText = z.string().optional().default('')

/**
 * The item page's forms, one per button: its one text field and the version of the item it was
 * read at. The text is checked by applyQueueAction, which knows which action it is for.
 */
export const QUEUE_FORMS = {
  submit: z.object({ reference: queueText, version: itemVersion }),
  return: z.object({ question: queueText, version: itemVersion }),
  answer: z.object({ answer: queueText, version: itemVersion }),
}

/** The queue page's form for a disclosure recorded on the case (the note is checked by the service). */
export const DisclosureRecordedSchema = z.object({ visitId: z.string().max(40), note: queueText })

// ---- who may see and review ---------------------------------------------------------------------

export interface ItemFacts {
  policeOrganisationId: string
  authorId: string
}

const policeOf = (actor: Actor, item: ItemFacts) => (actor.role === 'officer' || actor.role === 'manager') && actor.organisationId === item.policeOrganisationId

/**
 * Intelligence is for the police organisation it was sent to and for its author — nobody else:
 * not CPS or witness care, not the author's colleagues or manager, not administrators.
 */
export const canSeeIntelligenceItem = (actor: Actor, item: ItemFacts) => actor.id === item.authorId || policeOf(actor, item)

/** Submitting or returning: officers and managers of the police organisation the item was sent to. */
export const canReviewIntelligenceItem = (actor: Actor, item: ItemFacts) => policeOf(actor, item)

/** Answering a question: the author only. */
export const canAnswerIntelligenceItem = (actor: Actor, item: ItemFacts) => actor.id === item.authorId

/** The queue page: officers and managers of a police organisation. */
export const canUseIntelligenceQueue = (actor: Actor, organisationKind: string) =>
  (actor.role === 'officer' || actor.role === 'manager') && organisationKind === 'police'
