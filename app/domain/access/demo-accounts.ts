// The demo sign-ins named in the README (demo mode only).
export const DEMO_ACCOUNTS = [
  { email: 'advocate@demo.example', label: 'advocate (ChISVA)' },
  { email: 'officer@demo.example', label: 'police officer in charge' },
  { email: 'cps@demo.example', label: 'CPS liaison' },
  { email: 'manager@demo.example', label: 'manager' },
  { email: 'admin@demo.example', label: 'administrator' },
] as const

/** The other demo staff, for trying what a second service, witness care or a police manager sees. */
export const MORE_DEMO_ACCOUNTS = [
  { email: 'advocate2@demo.example', label: 'advocate at another service (Harbour Lights)' },
  { email: 'officer2@demo.example', label: 'a second officer in charge' },
  { email: 'witnesscare@demo.example', label: 'witness care officer' },
  { email: 'police.manager@demo.example', label: 'police manager' },
] as const

// Shown on the sign-in page and printed at start-up only in demo mode; stated in the README.
export const DEMO_PASSWORD = 'Waypoint-demo-2026'
