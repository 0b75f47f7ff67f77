import { PassThrough } from 'node:stream'
import {
  createReadableStreamFromReadable,
  type EntryContext,
  type HandleDataRequestFunction,
  type HandleDocumentRequestFunction,
  type HandleErrorFunction,
} from '@remix-run/node'
import { RemixServer } from '@remix-run/react'
import { isbot } from 'isbot'
import { renderToPipeableStream } from 'react-dom/server'
import { isDatabaseUnavailable } from '~/services/database-unavailable.server'
import { logger } from '~/services/logger.server'
import { NonceProvider } from '~/utils/nonce'

export { shutdown, startup } from '~/services/startup.server'

const ABORT_DELAY = 5_000

// The load context is one object per request (scripts/server.ts): handleError marks it when the
// database could not be reached, so the answer is 503 "try again" rather than 500 "bug".
type LoadContext = { cspNonce?: string; databaseUnavailable?: boolean }
const RETRY_AFTER_SECONDS = '5'

export const handleError: HandleErrorFunction = (error, { request, context }) => {
  if (request.signal.aborted) return
  if (isDatabaseUnavailable(error)) {
    ;(context as LoadContext).databaseUnavailable = true
    logger.warn({ method: request.method, path: new URL(request.url).pathname }, 'database unavailable: answered 503')
    return
  }
  console.error(error)
}

export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: LoadContext,
): ReturnType<HandleDocumentRequestFunction> {
  const nonce = loadContext.cspNonce ?? ''
  if (responseStatusCode === 500 && loadContext.databaseUnavailable) {
    responseStatusCode = 503
    responseHeaders.set('Retry-After', RETRY_AFTER_SECONDS)
  }
  const waitForAll = isbot(request.headers.get('user-agent') ?? '') || remixContext.isSpaMode
  return new Promise((resolve, reject) => {
    let didError = false
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </NonceProvider>,
      {
        nonce,
        [waitForAll ? 'onAllReady' : 'onShellReady']() {
          const body = new PassThrough()
          responseHeaders.set('Content-Type', 'text/html; charset=utf-8')
          // Pages hold personal data: never let a shared or browser cache keep them.
          responseHeaders.set('Cache-Control', 'no-store')
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: didError ? 500 : responseStatusCode,
            }),
          )
          pipe(body)
        },
        onShellError: reject,
        onError(error: unknown) {
          didError = true
          console.error(error)
        },
      },
    )
    setTimeout(abort, ABORT_DELAY)
  })
}

export const handleDataRequest: HandleDataRequestFunction = (response, { context }) => {
  response.headers.set('Cache-Control', 'no-store')
  if (response.status !== 500 || !(context as LoadContext).databaseUnavailable) return response
  response.headers.set('Retry-After', RETRY_AFTER_SECONDS)
  return new Response(response.body, { status: 503, headers: response.headers })
}
