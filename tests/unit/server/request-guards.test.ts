// The server's method and cross-origin rules, on a real Express app in front of a stand-in page.
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import express from 'express'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { allowedMethodsOnly, sameOriginWrites } from '../../../scripts/request-guards'

interface Answer {
  status: number
  allow?: string
}

function listen(app: express.Express): Promise<http.Server> {
  return new Promise((resolve) => {
    const server = app.listen(0, '127.0.0.1', () => resolve(server))
  })
}

function app(configuredUrl?: string, trustProxy = false): express.Express {
  const a = express()
  if (trustProxy) a.set('trust proxy', true)
  a.use(allowedMethodsOnly())
  a.use(sameOriginWrites(configuredUrl))
  a.all('*', (_req, res) => res.send('ok'))
  return a
}

/** node:http, because fetch refuses to send TRACE. */
function send(server: http.Server, method: string, headers: Record<string, string> = {}): Promise<Answer> {
  const { port } = server.address() as AddressInfo
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path: '/login', headers }, (res) => {
      res.resume()
      res.on('end', () => resolve({ status: res.statusCode!, allow: res.headers.allow }))
    })
    req.on('error', reject)
    req.end()
  })
}

const servers: http.Server[] = []
let plain: http.Server
let configured: http.Server
let proxied: http.Server
let own: string

beforeAll(async () => {
  plain = await listen(app())
  configured = await listen(app('https://waypoint.example.gov.uk/'))
  proxied = await listen(app(undefined, true))
  servers.push(plain, configured, proxied)
  own = `127.0.0.1:${(plain.address() as AddressInfo).port}`
})

afterAll(() => {
  for (const s of servers) s.close()
})

describe('methods', () => {
  test.each(['TRACE', 'PROPFIND', 'OPTIONS'])('%s is answered 405 with the methods allowed', async (method) => {
    const answer = await send(plain, method, { origin: `http://${own}` })
    expect(answer).toEqual({ status: 405, allow: 'GET, HEAD, POST, PUT, PATCH, DELETE' })
  })

  test('GET and a same-origin POST reach the page', async () => {
    expect((await send(plain, 'GET')).status).toBe(200)
    expect((await send(plain, 'POST', { origin: `http://${own}` })).status).toBe(200)
  })
})

describe('cross-origin writes', () => {
  test('the same host and port on another scheme is another origin', async () => {
    expect((await send(plain, 'POST', { origin: `https://${own}` })).status).toBe(403)
    expect((await send(plain, 'POST', { referer: `https://${own}/login` })).status).toBe(403)
  })

  test('another host, a missing source and an opaque origin are refused; a same-origin Referer passes', async () => {
    expect((await send(plain, 'POST', { origin: 'http://evil.example' })).status).toBe(403)
    expect((await send(plain, 'POST')).status).toBe(403)
    expect((await send(plain, 'POST', { origin: 'null' })).status).toBe(403)
    expect((await send(plain, 'POST', { referer: `http://${own}/login` })).status).toBe(200)
  })

  test('behind a TLS-terminating proxy: the configured address matches, or X-Forwarded-Proto when the proxy is trusted', async () => {
    expect((await send(configured, 'POST', { origin: 'https://waypoint.example.gov.uk' })).status).toBe(200)
    expect((await send(configured, 'POST', { origin: 'http://waypoint.example.gov.uk' })).status).toBe(403)
    const forwarded = { host: 'waypoint.example.gov.uk', 'x-forwarded-proto': 'https', origin: 'https://waypoint.example.gov.uk' }
    expect((await send(proxied, 'POST', forwarded)).status).toBe(200)
    expect((await send(plain, 'POST', forwarded)).status).toBe(403)
  })
})
