import { useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { useMemo } from 'react'
import { z } from 'zod'

// Conform types a form by its fields' shape: a schema's input is always an object here.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Shape<Schema extends z.ZodType> = z.input<Schema> extends Record<string, any> ? z.input<Schema> : never
type Options<Schema extends z.ZodType> = Omit<Parameters<typeof useForm<Shape<Schema>, z.output<Schema>>>[0], 'onValidate'>

/**
 * A Conform form checked by the same zod schema in the browser as on the server. GOV.UK asks that
 * errors appear when the user submits, not while they type, so validation starts on submit and
 * then follows each correction (Conform's default).
 */
export function useGovukForm<Schema extends z.ZodType>(schema: Schema, options: Options<Schema> = {}) {
  const [form, fieldset] = useForm<Shape<Schema>, z.output<Schema>>({
    shouldValidate: 'onSubmit',
    ...options,
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
  })
  const keys = useMemo(() => topLevelKeys(schema), [schema])
  return [form, listable(fieldset, keys)] as const
}

/**
 * Conform's fieldset answers any name but lists none, so `Object.values(fields)` (the error
 * summary's fieldErrors) would find no field. This one lists the schema's fields, in its order.
 */
function listable<Fieldset extends object>(fieldset: Fieldset, keys: readonly string[]): Fieldset {
  return new Proxy(fieldset, {
    ownKeys: () => [...keys],
    getOwnPropertyDescriptor: (target, key) =>
      typeof key === 'string' && keys.includes(key)
        ? { enumerable: true, configurable: true, value: Reflect.get(target, key) as unknown }
        : undefined,
  })
}

/** The names of a form schema's fields, in the order it declares them. */
export function topLevelKeys(schema: z.ZodType): string[] {
  if (schema instanceof z.ZodObject) return Object.keys(schema.shape)
  if (schema instanceof z.ZodPipe) return unique([...topLevelKeys(schema.in as z.ZodType), ...topLevelKeys(schema.out as z.ZodType)])
  if (schema instanceof z.ZodUnion || schema instanceof z.ZodDiscriminatedUnion) return unique(schema.options.flatMap((o) => topLevelKeys(o as z.ZodType)))
  if (schema instanceof z.ZodIntersection) return unique([...topLevelKeys(schema._zod.def.left as z.ZodType), ...topLevelKeys(schema._zod.def.right as z.ZodType)])
  return []
}

const unique = (keys: string[]) => [...new Set(keys)]
