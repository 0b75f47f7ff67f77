import type { ReactNode } from 'react'

// GOV.UK tag: a short status label. Colour supports the words, never replaces them.
export type TagColour = 'grey' | 'green' | 'turquoise' | 'blue' | 'light-blue' | 'purple' | 'pink' | 'red' | 'orange' | 'yellow' | 'magenta' | 'teal'

export function Tag({ colour, children, className, testId }: { colour?: TagColour; children: ReactNode; className?: string; testId?: string }) {
  // Blue is GOV.UK's default tag; the other colours are modifiers.
  const modifier = colour && colour !== 'blue' ? ` govuk-tag--${colour}` : ''
  return (
    <strong className={`govuk-tag${modifier}${className ? ` ${className}` : ''}`} data-testid={testId}>
      {children}
    </strong>
  )
}
