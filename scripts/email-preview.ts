// `npm run email:preview [folder]` — renders every email template in emails/catalogue.ts with its
// invented sample values into a folder (default ./email-preview, git-ignored): <template>.html and
// <template>.txt for each, and an index.html linking them. Open index.html in a browser. The same
// renderings are on /admin/emails for administrators. No database, no network.
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { EMAIL_TEMPLATES, renderSample, type EmailSample } from '../emails/catalogue'

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

function indexPage(samples: EmailSample[]): string {
  const rows = samples
    .map(
      (s) => `      <tr>
        <td><a href="${s.template}.html">${escapeHtml(s.template)}</a><br><small>${escapeHtml(s.description)}</small></td>
        <td>${escapeHtml(s.subject)}</td>
        <td>${s.secret ? 'Yes' : 'No'}</td>
        <td><a href="${s.template}.txt">Plain text</a></td>
      </tr>`,
    )
    .join('\n')
  return `<!DOCTYPE html>
<html lang="en-GB">
  <head>
    <meta charset="utf-8">
    <title>Waypoint email templates</title>
    <style>body{font-family:Arial,Helvetica,sans-serif;margin:2em;color:#0b0c0c}table{border-collapse:collapse}th,td{text-align:left;vertical-align:top;padding:8px 16px 8px 0;border-bottom:1px solid #b1b4b6}small{color:#505a5f}a{color:#1d70b8}</style>
  </head>
  <body>
    <h1>Waypoint email templates</h1>
    <p>Every email Waypoint sends, rendered with invented sample values (emails/catalogue.ts). Generated ${escapeHtml(new Date().toISOString())}.</p>
    <table>
      <thead><tr><th>Template</th><th>Subject (sample)</th><th>One-time link</th><th>Text version</th></tr></thead>
      <tbody>
${rows}
      </tbody>
    </table>
  </body>
</html>
`
}

export async function writeEmailPreview(folder: string): Promise<EmailSample[]> {
  await mkdir(folder, { recursive: true })
  const samples = await Promise.all(EMAIL_TEMPLATES.map(renderSample))
  for (const s of samples) {
    await writeFile(path.join(folder, `${s.template}.html`), s.html)
    await writeFile(path.join(folder, `${s.template}.txt`), `Subject: ${s.subject}\n\n${s.text}\n`)
  }
  await writeFile(path.join(folder, 'index.html'), indexPage(samples))
  return samples
}

const isEntry = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href
if (isEntry) {
  const folder = path.resolve(process.argv[2] ?? 'email-preview')
  const samples = await writeEmailPreview(folder)
  console.log(`Wrote ${samples.length} email templates (HTML and plain text) to ${folder}`)
  console.log(`Open ${pathToFileURL(path.join(folder, 'index.html')).href}`)
}
