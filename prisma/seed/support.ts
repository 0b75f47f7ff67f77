// Demo support directory and referrals. Invented: no real people or services.
// Brightpath (advocate@) has referred Ruby to Harbour Lights counselling (active, with sessions) and
// Zainab to Harbour Lights family support (sent, awaiting an answer); Leah's consent names Harbour
// Lights but she has not been referred yet (the e2e test refers her). advocate2@ is a Harbour Lights
// advocate, so she sees Ruby through her active referral (referral-only access) and decides on
// Zainab's from its summary. Harbour Lights has shared Dylan, who wants to tell the police, with
// Northmoor Police: officers see it under Sharing requests and link him to a case or decline.
import { randomUUID } from 'node:crypto'
import type { Prisma } from '../../app/generated/prisma/client'

type Tx = Prisma.TransactionClient

const SERVICES: Record<string, { serviceType: string; description: string }[]> = {
  'Brightpath Young Survivors Service': [
    { serviceType: 'isva', description: 'Children’s ISVAs for young people aged 8 to 18, from report to after court.' },
    { serviceType: 'cse_specialist', description: 'Specialist workers for young people being exploited, including out of hours.' },
    { serviceType: 'court_support', description: 'Pre-trial visits, special measures advice and support on the day.' },
  ],
  'Harbour Lights Therapeutic Support': [
    { serviceType: 'counselling', description: 'Weekly counselling and pre-trial therapy in line with CPS guidance, at our centre or online.' },
    { serviceType: 'family_support', description: 'Sessions for parents and carers of young people who have been exploited.' },
  ],
  'Dale Valley Sexual Assault Referral Centre': [
    { serviceType: 'sexual_health', description: 'Sexual health advice, testing and follow-up for young people, by appointment.' },
  ],
}

const on = (iso: string, hour = 10, minute = 0) => new Date(`${iso}T${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00Z`)

export async function seedSupport(tx: Tx) {
  const orgs = await tx.organisation.findMany({ where: { name: { in: Object.keys(SERVICES) } }, select: { id: true, name: true } })
  const org = (name: string) => orgs.find((o) => o.name === name)!.id
  for (const o of orgs) {
    await tx.supportService.createMany({ data: SERVICES[o.name]!.map((s) => ({ organisationId: o.id, ...s })) })
  }
  const brightpath = org('Brightpath Young Survivors Service')
  const harbour = org('Harbour Lights Therapeutic Support')
  const users = await tx.user.findMany({ where: { email: { in: ['advocate@demo.example', 'advocate2@demo.example'] } }, select: { id: true, email: true } })
  const advocate = users.find((u) => u.email === 'advocate@demo.example')!.id
  const advocate2 = users.find((u) => u.email === 'advocate2@demo.example')!.id
  const victims = await tx.victim.findMany({
    where: { reference: { in: ['V-2025-0412', 'V-2026-0031', 'V-2026-0104', 'V-2026-0156'] } },
    select: { id: true, reference: true },
  })
  const victim = (reference: string) => victims.find((v) => v.reference === reference)!.id

  const consent = (reference: string, recordedAt: Date, givenBy: string) =>
    tx.consent.create({
      data: {
        victimId: victim(reference),
        scope: 'Referral for therapeutic and family support: name, date of birth, contact details and a summary of support needs',
        sharedWith: 'Harbour Lights Therapeutic Support',
        givenBy,
        recordedAt,
        recordedById: advocate,
      },
      select: { id: true },
    })
  const ruby = await consent('V-2025-0412', on('2026-09-01', 11), 'Ruby and her residential key worker')
  const zainab = await consent('V-2026-0031', on('2026-11-10', 14), 'Zainab (17)')
  await consent('V-2026-0104', on('2026-11-18', 15), 'Leah and her mother')

  const active = await tx.referral.create({
    data: {
      victimId: victim('V-2025-0412'),
      fromOrganisationId: brightpath,
      toOrganisationId: harbour,
      serviceType: 'counselling',
      reason: 'Ruby has asked to talk to someone about what happened before the trial. Invented demo text.',
      referredById: advocate,
      sharingBasis: 'consent',
      consentId: ruby.id,
      status: 'active',
      sentAt: on('2026-09-02', 10),
      acceptedAt: on('2026-09-04', 9, 30),
      activeAt: on('2026-09-10', 16),
      version: 3,
      idempotencyKey: `seed-referral-${randomUUID()}`,
    },
    select: { id: true },
  })
  const session = (at: Date, kind: string, attended: boolean, notes: string) => ({
    referralId: active.id,
    at,
    kind,
    attended,
    notes,
    recordedById: advocate2,
    recordedAt: at,
    idempotencyKey: `seed-session-${randomUUID()}`,
  })
  await tx.supportSession.createMany({
    data: [
      session(on('2026-09-10', 16), 'in_person', true, 'First session: getting to know each other, agreed weekly sessions. Invented demo note.'),
      session(on('2026-10-08', 16), 'online', true, 'Talked about worries about giving evidence. Invented demo note.'),
      session(on('2026-11-05', 16), 'in_person', false, 'Did not attend; key worker says she was unwell. Invented demo note.'),
    ],
  })
  await tx.referral.create({
    data: {
      victimId: victim('V-2026-0031'),
      fromOrganisationId: brightpath,
      toOrganisationId: harbour,
      serviceType: 'family_support',
      reason: 'Zainab’s mother would like support for the family while the case goes on. Invented demo text.',
      referredById: advocate,
      sharingBasis: 'consent',
      consentId: zainab.id,
      status: 'sent',
      sentAt: on('2026-11-16', 11),
      idempotencyKey: `seed-referral-${randomUUID()}`,
    },
  })

  const police = await tx.organisation.findFirstOrThrow({ where: { name: 'Northmoor Police' }, select: { id: true } })
  const dylan = await tx.consent.create({
    data: {
      victimId: victim('V-2026-0156'),
      scope: 'Telling the police what happened: name, date of birth, safe contact and a summary of what he wants to report',
      sharedWith: 'Northmoor Police',
      givenBy: 'Dylan and his father',
      recordedAt: on('2026-11-21', 16),
      recordedById: advocate2,
    },
    select: { id: true },
  })
  await tx.shareRequest.create({
    data: {
      kind: 'police_report',
      victimId: victim('V-2026-0156'),
      fromOrganisationId: harbour,
      toOrganisationId: police.id,
      requestedById: advocate2,
      reason: 'Dylan has told us about an older man who contacts him online and wants to tell the police. Invented demo text.',
      sharingBasis: 'consent',
      consentId: dylan.id,
      createdAt: on('2026-11-22', 10),
      idempotencyKey: `seed-share-${randomUUID()}`,
    },
  })
}
