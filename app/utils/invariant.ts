// Guards that end a request with a proper HTTP answer (rendered by the error boundary) rather than a
// 500: `invariantResponse(condition, message, { status })` throws a Response when the condition fails.
export { invariant, invariantResponse } from '@epic-web/invariant'
