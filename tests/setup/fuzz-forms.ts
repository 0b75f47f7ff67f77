// What the action fuzzer knows of a page: its POST forms as the browser sees them (field names, the
// values of hidden fields and intent buttons, the options of radios and selects), read from the
// rendered HTML, and fast-check arbitraries that turn one form into hostile bodies.
import fc from 'fast-check'

export interface FormField {
  name: string
  kind: 'hidden' | 'text' | 'choice' | 'checkbox' | 'submit'
  /** hidden: its value; text: the value rendered (often empty); choice/checkbox/submit: the values offered. */
  values: string[]
}

export interface PageForm {
  action: string
  fields: FormField[]
}

const decode = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')

const attr = (tag: string, name: string): string | undefined => {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag)
  return m ? decode(m[1]!) : undefined
}

/** The POST forms of a page, resolved against the page's URL. */
export function postForms(html: string, pageUrl: string): PageForm[] {
  const forms: PageForm[] = []
  for (const m of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
    const open = m[1]!
    if ((attr(open, 'method') ?? 'get').toLowerCase() !== 'post') continue
    const action = new URL(attr(open, 'action') ?? pageUrl, new URL(pageUrl, 'http://waypoint.test'))
    const fields = new Map<string, FormField>()
    const add = (name: string | undefined, kind: FormField['kind'], value: string | undefined) => {
      if (!name) return
      const existing = fields.get(name)
      if (existing) {
        if (value !== undefined && !existing.values.includes(value)) existing.values.push(value)
        return
      }
      fields.set(name, {
        name,
        kind,
        values: value === undefined ? [] : [value],
      })
    }
    const body = m[2]!
    for (const tag of body.match(/<input\b[^>]*>/g) ?? []) {
      const type = (attr(tag, 'type') ?? 'text').toLowerCase()
      const kind = type === 'hidden' ? 'hidden' : type === 'radio' ? 'choice' : type === 'checkbox' ? 'checkbox' : type === 'submit' ? 'submit' : 'text'
      add(attr(tag, 'name'), kind, kind === 'checkbox' ? (attr(tag, 'value') ?? 'on') : (attr(tag, 'value') ?? ''))
    }
    for (const s of body.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/g)) {
      const options = [...s[2]!.matchAll(/<option\b([^>]*)>/g)].map((o) => attr(o[1]!, 'value') ?? '').filter((v) => v !== '')
      const name = attr(s[1]!, 'name')
      if (name) fields.set(name, { name, kind: 'choice', values: options })
    }
    for (const t of body.matchAll(/<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/g)) add(attr(t[1]!, 'name'), 'text', decode(t[2]!))
    for (const b of body.match(/<button\b[^>]*>/g) ?? []) add(attr(b, 'name'), 'submit', attr(b, 'value') ?? '')
    forms.push({
      action: action.pathname + action.search,
      fields: [...fields.values()],
    })
  }
  return forms
}

/** A plausible value for an empty text field, from its name, so other fields can reach the services. */
export function plausible(name: string): string {
  const n = name.toLowerCase()
  if (n.includes('email')) return `fuzz.${Math.random().toString(36).slice(2, 8)}@test.example`
  if (n.endsWith('day')) return '3'
  if (n.endsWith('month')) return '4'
  if (n.endsWith('year')) return '2026'
  if (n.endsWith('hour')) return '10'
  if (n.endsWith('minute')) return '30'
  if (n.includes('time')) return '10:30'
  if (n.includes('password')) return 'Fuzz-password-2026-long'
  if (n.includes('phone')) return '07700 900456'
  if (n.includes('date') || /(at|on)$/.test(n)) return '2026-04-03'
  if (/days|months|threshold|count|number/.test(n)) return '5'
  return 'Sample text'
}

// ---- Hostile values ----------------------------------------------------------------------------------

/** Payloads that must never come back raw in a page, a header, an export or an email. */
export const XSS_MARKERS = ['<script>alert(1)</script>', '<img src=x onerror=alert(1)>'] as const

export const INJECTIONS = [
  "' OR '1'='1",
  '\'; DROP TABLE "Victim"; --',
  '1; SELECT pg_sleep(5)',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "'><img src=x onerror=alert(1)>",
  'javascript:alert(1)',
  ' JaVaScRiPt:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  '//evil.example/path',
  '/\\evil.example',
  'https://evil.example/',
  'line\r\nSet-Cookie: pwned=1',
  'x\r\nLocation: https://evil.example/',
  '=HYPERLINK("https://evil.example","click")',
  '+SUM(1+1)',
  '@cmd',
  '{{7*7}}',
  '${7*7}',
  '../../../../etc/passwd',
  '%00',
  '%0d%0aX: y',
  'null',
  'undefined',
  'true',
  '[object Object]',
] as const

export const ODD_UNICODE = [
  'a\u0000b',
  '\u0000',
  'name\u0000<script>alert(1)</script>',
  '\uD800',
  'x\uDC00y',
  '\u202Eevil\u202C',
  'zero\u200Bwidth\u200D\uFEFF',
  'e\u0301\u0302\u0303\u0304\u0305\u0306\u0307',
  '👩‍👩‍👧‍👦🏳️‍🌈🇬🇧',
  '\u0085\u2028\u2029',
  '\t\n\r\v\f',
  'ＡＢＣ ﬁ Ⅻ',
  'İıß',
  ' ',
  '   ',
] as const

export const NUMBERISH = ['-1', '0', '-0', '1.5', '1e308', '-1e308', 'NaN', 'Infinity', '9999999999999999999999', '0x10', '١٢', ''] as const
export const DATEISH = [
  '2026-02-30',
  '2026-13-01',
  '0000-00-00',
  '31/12/2025',
  '12/31/2025',
  '2026-04-03T25:61',
  '+275760-09-13',
  '99999-01-01',
  '1900-01-01',
  '1970-01-01T00:00:00Z',
  '2100-01-01',
  'yesterday',
] as const

const huge = fc.oneof(
  fc.constant('A'.repeat(100_001)),
  fc.constant('é'.repeat(3_000)),
  fc.constant('x'.repeat(2_800)),
  fc.constant('<script>alert(1)</script>'.repeat(5_000)),
  fc.constant('\u0000'.repeat(1_000)),
  fc.integer({ min: 1_000, max: 20_000 }).map((n) => 'w '.repeat(n)),
)

/** One hostile value for a field. */
export const hostileValue: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...INJECTIONS) },
  { weight: 4, arbitrary: fc.constantFrom(...ODD_UNICODE) },
  { weight: 2, arbitrary: fc.constantFrom(...NUMBERISH) },
  { weight: 2, arbitrary: fc.constantFrom(...DATEISH) },
  { weight: 1, arbitrary: huge },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
)

/** Keys a form never has: prototype pollution, conform's nested-name syntax, bogus intents. */
export const UNKNOWN_KEYS = [
  '__proto__',
  '__proto__.polluted',
  '__proto__[polluted]',
  'constructor.prototype.polluted',
  'constructor[prototype][polluted]',
  'prototype',
  'toString',
  'hasOwnProperty',
  'a.b.c',
  'list[0]',
  'list[99999999]',
  '',
  'intent',
  '_action',
  '$ACTION_ID_1',
  'id',
  'userId',
  'organisationId',
  'role',
] as const

type Entry = [string, string]

/**
 * A body for one form: each field kept with a real value, given a hostile one, sent twice (an array
 * where a scalar is expected) or dropped; sometimes a value the form never offers in place of an
 * intent, plus unknown keys.
 */
export function bodyFor(form: PageForm): fc.Arbitrary<Entry[]> {
  const perField = form.fields.map((field) => {
    const real: fc.Arbitrary<string> =
      field.kind === 'text' && field.values.every((v) => v === '')
        ? fc.constant(plausible(field.name))
        : field.values.length
          ? fc.constantFrom(...field.values)
          : fc.constant('')
    return fc.oneof(
      { weight: 6, arbitrary: real.map((v): Entry[] => [[field.name, v]]) },
      {
        weight: 3,
        arbitrary: hostileValue.map((v): Entry[] => [[field.name, v]]),
      },
      {
        weight: 1,
        arbitrary: fc.array(fc.oneof(real, hostileValue), { minLength: 2, maxLength: 3 }).map((vs) => vs.map((v): Entry => [field.name, v])),
      },
      { weight: 1, arbitrary: fc.constant<Entry[]>([]) },
    )
  })
  const extras = fc.array(fc.tuple(fc.constantFrom(...UNKNOWN_KEYS), fc.oneof(hostileValue, fc.constantFrom('delete', 'nope', 'admin', '1'))), { maxLength: 2 })
  return fc.tuple(fc.tuple(...perField), extras).map(([fields, extra]) => [...fields.flat(), ...extra])
}

/** Bodies that are not a urlencoded form at all. */
export const oddBody = fc.constantFrom(
  {
    type: 'application/json',
    body: '{"__proto__":{"polluted":1},"name":"<script>alert(1)</script>"}',
  },
  { type: 'text/plain', body: 'name=x\u0000y' },
  {
    type: 'multipart/form-data',
    body: '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nb',
  },
  {
    type: 'multipart/form-data; boundary=x',
    body: '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nb',
  },
  { type: 'application/x-www-form-urlencoded', body: '%E0%A4%A=1&a=%' },
  { type: 'application/x-www-form-urlencoded', body: 'a=' + '%00'.repeat(10) },
)
