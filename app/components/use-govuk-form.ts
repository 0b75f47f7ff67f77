import { useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import type { z } from 'zod'

type FormShape = Record<string, unknown>
type Options<Schema extends z.ZodType<FormShape>> = Omit<Parameters<typeof useForm<z.input<Schema> & FormShape, z.output<Schema>>>[0], 'onValidate'>

/**
 * A Conform form checked by the same zod schema in the browser as on the server. GOV.UK asks that
 * errors appear when the user submits, not while they type, so validation starts on submit and
 * then follows each correction (Conform's default).
 */
export function useGovukForm<Schema extends z.ZodType<FormShape>>(schema: Schema, options: Options<Schema> = {}) {
  return useForm<z.input<Schema> & FormShape, z.output<Schema>>({
    shouldValidate: 'onSubmit',
    ...options,
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  })
}
