import type { LoaderFunctionArgs } from '@remix-run/node'
import { isEmailTemplate, renderSample } from '#emails/catalogue'
import { notFound, requireRole } from '~/services/auth.server'

// One email template's HTML with its invented sample values, as its own document (administrators
// only), so the preview page needs no frame. Its policy lets the email's inline styles apply and
// sandboxes the document: nothing in it can run or reach the app (scripts/server.ts allows inline
// styles for this path only).
export const EMAIL_PREVIEW_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; sandbox"

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, ['admin'])
  const template = params.template ?? ''
  if (!isEmailTemplate(template)) throw notFound('There is no email template with that name.')
  const { html } = await renderSample(template)
  return new Response(html, {
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'Content-Security-Policy': EMAIL_PREVIEW_CSP, 'Cache-Control': 'no-store' },
  })
}
