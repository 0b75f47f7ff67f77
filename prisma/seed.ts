// Demo data: invented organisations, staff, victims and cases. Every name, place and reference
// here is synthetic — never put a real person, place of a real case or real crime reference here.
// Runs inside the server process on first demo start (app/services/startup.server.ts), or with
// `npm run seed` against DATABASE_URL / DATA_DIR when no server has that database open.
import { hashPassword } from '../app/services/password.server'
import type { PrismaClient } from '../app/generated/prisma/client'

import { DEMO_PASSWORD } from '../app/domain/access/demo-accounts'

export { DEMO_PASSWORD }

export async function seedDemo(prisma: PrismaClient) {
  const passwordHash = await hashPassword(DEMO_PASSWORD)
  const org = (name: string, kind: 'police' | 'cps' | 'witness_care' | 'local_authority' | 'voluntary' | 'health', inboxEmail: string) =>
    prisma.organisation.create({ data: { name, kind, inboxEmail } })
  const police = await org('Northmoor Police', 'police', 'cse-team@northmoor-police.example')
  const cps = await org('CPS Northmoor and Dale', 'cps', 'rasso-unit@cps-northmoor.example')
  await org('Northmoor Witness Care Unit', 'witness_care', 'witnesscare@northmoor-police.example')
  await org('Dalebridge Council Children’s Services', 'local_authority', 'mash@dalebridge.example')
  const advocacy = await org('Brightpath Young Survivors Service', 'voluntary', 'referrals@brightpath.example')
  await org('Harbour Lights Therapeutic Support', 'voluntary', 'hello@harbourlights.example')
  await org('Waypoint Administration', 'local_authority', 'admin@demo.example')

  const user = async (email: string, name: string, role: 'advocate' | 'officer' | 'cps_liaison' | 'manager' | 'admin', organisationId: string) =>
    prisma.user.create({ data: { email, name, role, organisationId, password: { create: { hash: passwordHash } } } })
  await user('advocate@demo.example', 'Ama Okafor-Reyes', 'advocate', advocacy.id)
  await user('officer@demo.example', 'DC Rowan Pellow', 'officer', police.id)
  await user('cps@demo.example', 'Imogen Tarrant', 'cps_liaison', cps.id)
  await user('manager@demo.example', 'Priya Venn', 'manager', advocacy.id)
  const admins = await prisma.organisation.findUniqueOrThrow({ where: { name: 'Waypoint Administration' } })
  await user('admin@demo.example', 'Sam Ellery', 'admin', admins.id)
}
