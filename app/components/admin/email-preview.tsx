// The pieces of the email template previews (/admin/emails): how an email looks, sandboxed so
// that nothing in it can run or reach the page, and its plain-text version exactly as sent.

export function EmailFrame({ html, title }: { html: string; title: string }) {
  return <iframe className="app-email-preview__frame" srcDoc={html} sandbox="" title={title} data-testid="email-html" />
}

export function EmailText({ text }: { text: string }) {
  return (
    <pre className="app-email-preview__text" data-testid="email-text">
      {text}
    </pre>
  )
}
