import { z } from 'zod'

/** An organisation's shared team inbox (optional), as the administrator's and the manager's forms take it. */
export const teamInboxField = z
  .string()
  .trim()
  .max(254, 'Team inbox must be 254 characters or fewer')
  .email('Enter the team inbox in the correct format, like team@example.org')
  .optional()
