// The demo sign-ins named in the README (demo mode only).
export const DEMO_ACCOUNTS = [
  { email: 'advocate@demo.example', label: 'advocate (ChISVA)' },
  { email: 'officer@demo.example', label: 'police officer in charge' },
  { email: 'cps@demo.example', label: 'CPS liaison' },
  { email: 'manager@demo.example', label: 'manager' },
  { email: 'admin@demo.example', label: 'administrator' },
] as const

// Shown on the sign-in page and printed at start-up only in demo mode; stated in the README.
export const DEMO_PASSWORD = 'Waypoint-demo-2026'
