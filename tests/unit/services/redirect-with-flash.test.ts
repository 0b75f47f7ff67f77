// A type check more than a run: `npm run typecheck` fails if the page of an action that redirects
// with a banner loses the types of its other answers.
import type { useActionData } from '@remix-run/react'
import { expectTypeOf, test } from 'vitest'
import type { redirectWithFlash } from '~/services/session.server'

test("an action that redirects with a banner keeps its other answers' types on the page", () => {
  type Action = () => Promise<Awaited<ReturnType<typeof redirectWithFlash>> | { consentLink: boolean }>
  type Answer = ReturnType<typeof useActionData<Action>>
  expectTypeOf<Answer>().not.toBeAny()
  expectTypeOf<NonNullable<Answer>>().toHaveProperty('consentLink').toEqualTypeOf<boolean>()
})
