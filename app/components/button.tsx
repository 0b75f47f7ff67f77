import { Link, useFormAction, useNavigation } from '@remix-run/react'
import type { ButtonHTMLAttributes, MouseEvent, ReactNode } from 'react'

// GOV.UK buttons. A <Button> is a plain submit button, so forms work without JavaScript;
// <StatusButton> adds a pending state while its form is being submitted (Remix navigation).

export type ButtonVariant = 'primary' | 'secondary' | 'warning' | 'inverse'

const variantClass = (variant: ButtonVariant = 'primary') => (variant === 'primary' ? '' : ` govuk-button--${variant}`)

export interface ButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'className'> {
  variant?: ButtonVariant
  /** GOV.UK Frontend's JavaScript ignores a second click within a second. */
  preventDoubleClick?: boolean
  className?: string
  children: ReactNode
}

export function Button({ variant, preventDoubleClick, className, type = 'submit', children, ...rest }: ButtonProps) {
  return (
    <button
      type={type}
      className={`govuk-button${variantClass(variant)}${className ? ` ${className}` : ''}`}
      data-module="govuk-button"
      data-prevent-double-click={preventDoubleClick ? 'true' : undefined}
      {...rest}
    >
      {children}
    </button>
  )
}

/** A link that looks like a button (GOV.UK: for navigation, such as "Add a user"). */
export function ButtonLink({ to, variant, children, className }: { to: string; variant?: ButtonVariant; children: ReactNode; className?: string }) {
  return (
    <Link
      to={to}
      role="button"
      draggable={false}
      className={`govuk-button${variantClass(variant)}${className ? ` ${className}` : ''}`}
      data-module="govuk-button"
    >
      {children}
    </Link>
  )
}

/** A group of buttons and links side by side (e.g. "Save" and "Cancel"). */
export function ButtonGroup({ children }: { children: ReactNode }) {
  return <div className="govuk-button-group">{children}</div>
}

/**
 * True while a form is being submitted to `formAction` (this route's action by default) with
 * `formMethod`; with `intent`, only when the submission carries that intent.
 */
export function useIsPending({
  formAction,
  formMethod = 'POST',
  intent,
}: { formAction?: string; formMethod?: 'POST' | 'GET' | 'PUT' | 'PATCH' | 'DELETE'; intent?: string } = {}) {
  const contextual = useFormAction()
  const navigation = useNavigation()
  if (navigation.state === 'idle') return false
  if (navigation.formMethod?.toUpperCase() !== formMethod) return false
  if (navigation.formAction !== (formAction ?? contextual)) return false
  return intent === undefined || navigation.formData?.get('intent') === intent
}

export interface StatusButtonProps extends ButtonProps {
  /** Shown instead of the label while pending, e.g. "Saving…". */
  pendingText?: string
  formAction?: string
  intent?: string
}

/**
 * A submit button that shows it is working while its form submits, and ignores further clicks
 * until the answer arrives. Without JavaScript it is an ordinary submit button.
 */
export function StatusButton({ pendingText, formAction, intent, children, onClick, className, ...rest }: StatusButtonProps) {
  const pending = useIsPending({ formAction, intent: intent ?? (typeof rest.value === 'string' && rest.name === 'intent' ? rest.value : undefined) })
  const handleClick = (event: MouseEvent<HTMLButtonElement>) => {
    if (pending) event.preventDefault()
    else onClick?.(event)
  }
  return (
    <Button
      {...rest}
      className={`${pending ? 'app-button--pending' : ''}${className ? ` ${className}` : ''}`.trim() || undefined}
      aria-disabled={pending ? true : undefined}
      onClick={handleClick}
    >
      {pending && pendingText ? pendingText : children}
    </Button>
  )
}

/** The form's submit button with a "Cancel" link back to where the user came from. */
export function SubmitOrCancel({ children, pendingText = 'Saving…', cancelTo }: { children: ReactNode; pendingText?: string; cancelTo: string }) {
  return (
    <ButtonGroup>
      <StatusButton pendingText={pendingText}>{children}</StatusButton>
      <Link className="govuk-link" to={cancelTo}>
        Cancel
      </Link>
    </ButtonGroup>
  )
}
