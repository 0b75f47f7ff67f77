// Reads a form body, answering 400 (rendered by the error boundary) instead of a 500 when the body
// is not form data at all — JSON, plain text, truncated multipart — or was made by hand in ways no
// page of ours makes: a malformed Conform intent (Conform's parser throws on it), a list index no
// form has (a sparse array of millions of entries), or a prototype key in a field name. NUL
// characters are removed from names and values (see below).
const MAX_LIST_INDEX = 1000
const PROTOTYPE_KEY = /(^|[.[\]])(__proto__|constructor|prototype)([.[\]]|$)/
const CONFORM_INTENTS = new Set(['validate', 'update', 'reset', 'insert', 'remove', 'reorder'])

const unreadable = () => new Response('The form could not be read. Go back and try again.', { status: 400, statusText: 'Bad Request' })

const tooBigIndex = (name: string) => [...name.matchAll(/\[(\d+)\]/g)].some((m) => Number(m[1]) >= MAX_LIST_INDEX)
const badName = (name: unknown) => typeof name !== 'string' || PROTOTYPE_KEY.test(name) || tooBigIndex(name)
const badIndex = (n: unknown) => n !== undefined && !(Number.isInteger(n) && (n as number) >= 0 && (n as number) < MAX_LIST_INDEX)

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

/** Conform's `__intent__` as its list buttons write it: a known type, a field name, small indexes. */
function validIntent(value: FormDataEntryValue): boolean {
  const intent = typeof value === 'string' ? parseJson(value) : undefined
  if (!intent || typeof intent !== 'object') return false
  const { type, payload } = intent as { type?: unknown; payload?: Record<string, unknown> }
  if (typeof type !== 'string' || !CONFORM_INTENTS.has(type) || !payload || typeof payload !== 'object') return false
  if (payload.name !== undefined && badName(payload.name)) return false
  return !badIndex(payload.index) && !badIndex(payload.from) && !badIndex(payload.to)
}

export async function readFormData(request: Request): Promise<FormData> {
  let form: FormData
  try {
    form = await request.formData()
  } catch {
    throw unreadable()
  }
  // PostgreSQL cannot store U+0000 in text, so a NUL reaching a query or a column is a 500. Nobody types
  // one and it cannot be seen, so a message asking to remove it would point at nothing: it is dropped
  // here, once for every form, and each form's own rules (required, length) judge what is left.
  if ([...form.entries()].some(([name, value]) => name.includes('\u0000') || (typeof value === 'string' && value.includes('\u0000')))) {
    const clean = new FormData()
    for (const [name, value] of form.entries()) clean.append(name.replaceAll('\u0000', ''), typeof value === 'string' ? value.replaceAll('\u0000', '') : value)
    form = clean
  }
  for (const name of new Set(form.keys())) if (PROTOTYPE_KEY.test(name) || tooBigIndex(name)) throw unreadable()
  const intents = form.getAll('__intent__')
  if (intents.length > 1 || (intents.length === 1 && !validIntent(intents[0]!))) throw unreadable()
  const states = form.getAll('__state__')
  if (states.length > 1 || (states.length === 1 && (typeof states[0] !== 'string' || typeof parseJson(states[0]) !== 'object'))) throw unreadable()
  return form
}
