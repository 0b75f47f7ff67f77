// The email template previews (/admin/emails): an email's plain-text version exactly as sent.

export function EmailText({ text }: { text: string }) {
  return (
    <pre className="app-email-preview__text" data-testid="email-text">
      {text}
    </pre>
  )
}
