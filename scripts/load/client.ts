// One simulated browser: its own cookie jar, redirects not followed (a 302 after a POST is the
// acknowledgement of a write), the Origin header a browser sends with a form, and a timeout so a
// hanging request is counted as such instead of stalling the user.
export type Outcome = number | 'timeout' | 'network'

export interface Sample {
  /** ms since the test started, when the request was sent */
  at: number
  ms: number
  outcome: Outcome
  action: string
  phase: string
}

export interface Answer {
  outcome: Outcome
  location: string | null
  body: string
}

export class Recorder {
  readonly samples: Sample[] = []
  phase = 'setup'
  constructor(readonly started: number) {}
  record(sample: Omit<Sample, 'phase'>) {
    this.samples.push({ ...sample, phase: this.phase })
  }
}

const TIMEOUT_MS = Number(process.env.LOAD_REQUEST_TIMEOUT_MS ?? 15_000)

export class Browser {
  private readonly cookies = new Map<string, string>()
  constructor(
    readonly baseUrl: string,
    private readonly recorder: Recorder,
  ) {}

  get(path: string, action: string) {
    return this.send('GET', path, action)
  }

  post(path: string, action: string, form: Record<string, string | string[]>) {
    const body = new URLSearchParams()
    for (const [name, value] of Object.entries(form)) for (const v of [value].flat()) body.append(name, v)
    return this.send('POST', path, action, body)
  }

  private async send(method: string, path: string, action: string, body?: URLSearchParams): Promise<Answer> {
    const sent = Date.now()
    const headers: Record<string, string> = { 'user-agent': 'waypoint-load-test', accept: 'text/html' }
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
    if (body) {
      headers.origin = this.baseUrl
      headers['content-type'] = 'application/x-www-form-urlencoded'
    }
    let answer: Answer
    try {
      const res = await fetch(this.baseUrl + path, { method, headers, body, redirect: 'manual', signal: AbortSignal.timeout(TIMEOUT_MS) })
      for (const line of res.headers.getSetCookie()) {
        const pair = line.split(';')[0] ?? ''
        const at = pair.indexOf('=')
        const name = pair.slice(0, at).trim()
        const value = pair.slice(at + 1).trim()
        if (/max-age=0|expires=Thu, 01 Jan 1970/i.test(line) || value === '') this.cookies.delete(name)
        else this.cookies.set(name, value)
      }
      answer = { outcome: res.status, location: res.headers.get('location'), body: await res.text() }
    } catch (error) {
      const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')
      answer = { outcome: timedOut ? 'timeout' : 'network', location: null, body: '' }
    }
    this.recorder.record({ at: sent - this.recorder.started, ms: Date.now() - sent, outcome: answer.outcome, action })
    return answer
  }
}
