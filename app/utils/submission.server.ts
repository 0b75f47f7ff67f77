// How every form action reads its form and answers when it cannot go on. A submission the schema
// rejects, or one its service refuses, answers 400 with Conform's result: each message shows next
// to its field and everything the user typed comes back (passwords aside, which Conform drops).
import type { Submission, SubmissionResult } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { invariantResponse } from '@epic-web/invariant'
import { data } from '@remix-run/node'
import type { z } from 'zod'
import { readFormData } from './form-data.server'

/** A service's reason for refusing a value: the field it is about ('' for the whole form). */
export type FieldIssue = { path: string; message: string } | { field: string; message: string }

export type ParsedForm<Schema extends z.ZodType> = Submission<z.input<Schema>, string[], z.output<Schema>>

/** Reads the request's form (see readFormData) and checks it against the schema. */
export async function parseForm<Schema extends z.ZodType>(request: Request, schema: Schema): Promise<ParsedForm<Schema>> {
  return parseWithZod(await readFormData(request), { schema })
}

/**
 * For a form with several buttons (`name="intent"`): which one was pressed, checked against the
 * schema for that intent. An intent no page of ours sends answers 400.
 */
export function parseIntent<Schemas extends Record<string, z.ZodType>>(
  form: FormData,
  schemas: Schemas,
): { [K in keyof Schemas & string]: { intent: K; submission: ParsedForm<Schemas[K]> } }[keyof Schemas & string] {
  const intent = form.get('intent') ?? ''
  invariantResponse(typeof intent === 'string' && Object.hasOwn(schemas, intent), 'Unknown action', { statusText: 'Bad Request' })
  const submission = parseWithZod(form, { schema: schemas[intent]! })
  return { intent, submission } as never
}

/** Which button was pressed, for intents that carry no fields of their own. */
export function intentOf<const Intents extends readonly string[]>(form: FormData, intents: Intents): Intents[number] {
  const intent = form.get('intent')
  invariantResponse(typeof intent === 'string' && intents.includes(intent), 'Unknown action', { statusText: 'Bad Request' })
  return intent
}

/** Secrets (a password, a security code) that must not come back in the answer. */
export type ReplyOptions = { hideFields?: string[] }

// Hidden fields of a form (its double-submit key, the version it was read at): nobody can see a
// message beside them, so theirs is shown above the form.
const HIDDEN_FIELDS = ['idempotencyKey', 'version']

type Replyable = Pick<Submission<unknown>, 'reply'> & { error?: Record<string, string[] | null> | null }

/** The service's refusals as Conform errors, each beside its field ('' is about the whole form). */
export function reply(submission: Replyable, issues?: FieldIssue | readonly FieldIssue[], { hideFields }: ReplyOptions = {}): SubmissionResult<string[]> {
  const schemaErrors = submission.error ?? {}
  const hidden = HIDDEN_FIELDS.flatMap((name) => schemaErrors[name] ?? [])
  if (!issues && hidden.length === 0) return submission.reply({ hideFields })
  const fieldErrors: Record<string, string[]> = {}
  const formErrors: string[] = [...(schemaErrors[''] ?? []), ...hidden]
  for (const issue of issues ? [issues].flat() : []) {
    const path = 'path' in issue ? issue.path : issue.field
    if (path && !HIDDEN_FIELDS.includes(path)) (fieldErrors[path] ??= []).push(issue.message)
    else formErrors.push(issue.message)
  }
  return submission.reply({ fieldErrors, formErrors, hideFields })
}

/** 400 with the form as typed and the reasons beside the fields. */
export function invalid(submission: Replyable, issues?: FieldIssue | readonly FieldIssue[], options?: ReplyOptions) {
  return data(reply(submission, issues, options), { status: 400 })
}
