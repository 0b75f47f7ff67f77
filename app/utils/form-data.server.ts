// Reads a form body, answering 400 (rendered by the error boundary) instead of a 500 when the body
// is not form data at all — JSON, plain text, truncated multipart.
export async function readFormData(request: Request): Promise<FormData> {
  try {
    return await request.formData()
  } catch {
    throw new Response('The form could not be read. Go back and try again.', { status: 400, statusText: 'Bad Request' })
  }
}
