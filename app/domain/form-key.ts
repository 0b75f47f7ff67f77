// Each rendering of a form that creates something carries a random key, so a double submit saves
// once. A form without a usable key (a page left open from an older version, or a request made by
// hand) cannot be saved: the user is asked to reload, with the message above the form.
import { z } from 'zod'

export const FORM_EXPIRED = 'The form has expired: reload the page and try again'

/** The hidden key of one rendering of a form; `pattern` narrows it where the key becomes an id. */
export const formKey = (pattern: RegExp = /^[A-Za-z0-9_:-]{8,120}$/) => z.string({ error: FORM_EXPIRED }).regex(pattern, FORM_EXPIRED)
