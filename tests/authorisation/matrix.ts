// The authorisation matrix: for every route of app/routes, who may load it (GET) and, where the
// module has an action, who may post to it (POST) — per asker (tests/setup/world/matrix.ts) and,
// for routes about a record, per record: side A's own, another organisation's, or a restricted
// victim's the asker is not allocated to. Written from the rules in app/domain/access/policy.ts
// (and the rules it delegates to: intelligence, referrals, reviews, compliance), never by
// recording what the app answers. docs/decisions/0012-authorisation-matrix.md explains the outcomes.
//
//   'ok'      — 2xx, or a redirect that is not to sign-in; for a POST also 400 (field errors) or 409 (conflict)
//   'login'   — a redirect to /login (or /login/two-factor for a session owing its second factor)
//   'refused' — 403 (the role may never do this) or 404 (a record the asker may not know exists); the
//               test also requires a refused record to answer exactly as a record that does not exist
import type { Asker, MatrixWorld, RecordContext, UserAsker } from '#tests/setup/world/matrix'

export type Outcome = 'ok' | 'login' | 'refused'
type Cell = Outcome | Record<RecordContext, Outcome>
export type Expectation = Record<Asker, Cell>

export interface RouteEntry {
  /** URL params (and query) built from the fixture; `ctx` is undefined for routes without a record. */
  url: (w: MatrixWorld, ctx?: RecordContext) => { params?: Record<string, string>; query?: Record<string, string> }
  /** Whether the route is about a record (own / other / restricted) or only about who asks. */
  record: boolean
  get: Expectation
  /** Present exactly when the module exports an action. */
  post?: Expectation
  body?: (w: MatrixWorld, ctx: RecordContext | undefined, asker: Asker) => Record<string, string>
  /** The POST ends the asker's session (sign out): send it with a fresh session. */
  freshSession?: boolean
}

// ---- shorthands ----------------------------------------------------------------------------------
const OWN: Cell = { own: 'ok', other: 'refused', restricted: 'refused' }
/**
 * Every record of the asker's organisation, restricted or not: a force's manager sees all its cases (canViewCase),
 * a force's officers the intelligence sent to it, a referral's organisations the referral.
 */
const OWN_ORG: Cell = { own: 'ok', other: 'refused', restricted: 'ok' }
const USERS: UserAsker[] = ['advocate', 'officer', 'cps_liaison', 'manager', 'police_manager', 'admin']

/** Signed-in askers as given, every other one refused; no session or a half-signed-in one is sent to sign in. */
function signedIn(cells: Partial<Record<UserAsker, Cell>>): Expectation {
  const out = { anonymous: 'login', pending: 'login' } as Expectation
  for (const u of USERS) out[u] = cells[u] ?? 'refused'
  return out
}
const everyone = (cell: Cell): Expectation => ({ anonymous: cell, pending: cell, ...Object.fromEntries(USERS.map((u) => [u, cell])) }) as Expectation
const anySignedIn = signedIn(Object.fromEntries(USERS.map((u) => [u, 'ok'])))
const adminOnly = signedIn({ admin: 'ok' })
/** Casework roles, each on the records it may see. */
const viewVictim = signedIn({ advocate: OWN, officer: OWN, cps_liaison: OWN, manager: OWN, police_manager: OWN })
/** Changing a victim: advocates, officers and managers with direct access (policy.ts canUpdateVictim); not CPS. */
const updateVictim = signedIn({ advocate: OWN, officer: OWN, manager: OWN, police_manager: OWN })
const viewCase = signedIn({ advocate: OWN, officer: OWN, cps_liaison: OWN, manager: OWN, police_manager: OWN_ORG })
/** Changing a case: police and CPS working it (canUpdateCase); managers never. */
const updateCase = signedIn({ officer: OWN, cps_liaison: OWN })

const victimUrl = (w: MatrixWorld, ctx?: RecordContext) => ({ params: { victimId: w.victim[ctx!] } })
const caseUrl = (w: MatrixWorld, ctx?: RecordContext) => ({ params: { caseId: w.case[ctx!] } })
const none = () => ({})

/** Every route of app/routes by route id. The test fails for a route missing here and for an entry without a route. */
export const MATRIX: Record<string, RouteEntry> = {
  // ---- public and account --------------------------------------------------------------------
  'routes/_index': { url: none, record: false, get: anySignedIn },
  'routes/healthz': { url: none, record: false, get: everyone('ok') },
  // Signed-in users are sent home ('ok': a redirect, not to sign-in); a half-signed-in session counts as signed out.
  'routes/login': { url: none, record: false, get: everyone('ok'), post: everyone('ok'), body: () => ({ email: 'nobody@matrix.example', password: 'wrong password' }) },
  'routes/forgot-password': { url: none, record: false, get: everyone('ok'), post: everyone('ok'), body: () => ({ email: 'nobody@matrix.example' }) },
  'routes/reset-password.$token': { url: () => ({ params: { token: 'no-such-token' } }), record: false, get: everyone('ok'), post: everyone('ok'), body: () => ({}) },
  // Only a session owing its second factor may answer it; no session → sign in; signed in → home.
  'routes/login_.two-factor': {
    url: none,
    record: false,
    get: { ...everyone('ok'), anonymous: 'login' },
    post: { ...everyone('ok'), anonymous: 'login' },
    body: () => ({ code: '000000' }),
  },
  // Signing out ends the session and sends everyone to sign in.
  'routes/logout': { url: none, record: false, get: everyone('ok'), post: everyone('login'), body: () => ({}), freshSession: true },
  'routes/account._index': { url: none, record: false, get: anySignedIn, post: anySignedIn, body: () => ({ intent: 'sign-out-others' }) },
  // Everyone chooses their own notifications; only managers set their organisation's team inbox.
  'routes/account.notifications': {
    url: none,
    record: false,
    get: anySignedIn,
    post: signedIn({ manager: 'ok', police_manager: 'ok' }),
    body: () => ({ intent: 'team-inbox', inboxEmail: '' }),
  },
  'routes/account.two-factor': { url: none, record: false, get: anySignedIn, post: anySignedIn, body: () => ({ intent: 'enrol', code: '000000' }) },

  // ---- administration: administrators only, never casework -----------------------------------
  'routes/admin.audit._index': { url: none, record: false, get: adminOnly, post: adminOnly, body: () => ({ intent: 'verify' }) },
  // GET only redirects to the audit page (the export is a POST, so a link elsewhere cannot start one).
  'routes/admin.audit.export': { url: none, record: false, get: everyone('ok'), post: adminOnly, body: () => ({}) },
  'routes/admin.emails._index': { url: none, record: false, get: adminOnly },
  'routes/admin.emails.$template': { url: () => ({ params: { template: 'set-password' } }), record: false, get: adminOnly },
  'routes/admin.emails.$template_.html': { url: () => ({ params: { template: 'set-password' } }), record: false, get: adminOnly },
  'routes/admin.holidays': { url: none, record: false, get: adminOnly, post: adminOnly, body: () => ({ intent: 'add' }) },
  'routes/admin.organisations._index': { url: none, record: false, get: adminOnly },
  'routes/admin.organisations.$organisationId': {
    url: (w) => ({ params: { organisationId: w.otherOrganisationId } }),
    record: false,
    get: adminOnly,
    post: adminOnly,
    body: () => ({}),
  },
  'routes/admin.organisations.$organisationId_.services': {
    url: (w) => ({ params: { organisationId: w.otherOrganisationId } }),
    record: false,
    get: adminOnly,
    post: adminOnly,
    body: () => ({}),
  },
  'routes/admin.organisations.$organisationId_.visit-policy': {
    url: (w) => ({ params: { organisationId: w.otherOrganisationId } }),
    record: false,
    get: adminOnly,
    post: adminOnly,
    body: () => ({}),
  },
  'routes/admin.outbox._index': { url: none, record: false, get: adminOnly },
  'routes/admin.outbox.$emailId': { url: (w) => ({ params: { emailId: w.outboxEmailId } }), record: false, get: adminOnly, post: adminOnly, body: () => ({ intent: 'retry' }) },
  'routes/admin.rules._index': { url: none, record: false, get: adminOnly },
  'routes/admin.rules.$ruleSetId.$ruleId': {
    url: () => ({ params: { ruleSetId: 'code-2020', ruleId: 'r04_referral_support_service' } }),
    record: false,
    get: adminOnly,
    post: adminOnly,
    body: () => ({ intent: 'set' }),
  },
  'routes/admin.users._index': { url: none, record: false, get: adminOnly },
  'routes/admin.users.new': { url: none, record: false, get: adminOnly, post: adminOnly, body: () => ({}) },
  'routes/admin.users.$userId._index': { url: (w) => ({ params: { userId: w.spareUserId } }), record: false, get: adminOnly },
  'routes/admin.users.$userId.role': { url: (w) => ({ params: { userId: w.spareUserId } }), record: false, get: adminOnly, post: adminOnly, body: () => ({}) },
  'routes/admin.users.$userId.$operation': {
    url: (w) => ({ params: { userId: w.spareUserId, operation: 'send-set-password-email' } }),
    record: false,
    get: adminOnly,
    post: adminOnly,
    body: () => ({}),
  },

  // ---- victims -------------------------------------------------------------------------------
  'routes/victims._index': { url: none, record: false, get: signedIn({ advocate: 'ok', officer: 'ok', cps_liaison: 'ok', manager: 'ok', police_manager: 'ok' }) },
  // canCreateVictim: advocates, officers and managers.
  'routes/victims.new': {
    url: none,
    record: false,
    get: signedIn({ advocate: 'ok', officer: 'ok', manager: 'ok', police_manager: 'ok' }),
    post: signedIn({ advocate: 'ok', officer: 'ok', manager: 'ok', police_manager: 'ok' }),
    body: () => ({}),
  },
  // Viewing: canViewVictim. Recording that the victim was told (a contact): canRecordContact, CPS liaison included.
  'routes/victims.$victimId': {
    url: victimUrl,
    record: true,
    get: viewVictim,
    post: viewVictim,
    body: (w, ctx) => ({ intent: 'told', entitlementId: w.entitlement[ctx!] }),
  },
  'routes/victims.$victimId_.summary': { url: victimUrl, record: true, get: viewVictim },
  'routes/victims.$victimId_.edit': { url: victimUrl, record: true, get: updateVictim, post: updateVictim, body: () => ({}) },
  'routes/victims.$victimId_.close': { url: victimUrl, record: true, get: updateVictim, post: updateVictim, body: () => ({ intent: 'reopen' }) },
  'routes/victims.$victimId_.consent': {
    url: victimUrl,
    record: true,
    get: updateVictim,
    post: updateVictim,
    body: () => ({ intent: 'withdraw', consentId: 'no-such-consent' }),
  },
  // canAllocateToVictim: advocates and managers who may update the victim — a force's manager too, through its case.
  'routes/victims.$victimId_.allocations': {
    url: victimUrl,
    record: true,
    get: signedIn({ advocate: OWN, manager: OWN, police_manager: OWN }),
    post: signedIn({ advocate: OWN, manager: OWN, police_manager: OWN }),
    body: () => ({ intent: 'allocate' }),
  },
  // canRecordContact: anyone with direct access, CPS liaison included.
  'routes/victims.$victimId_.contacts.new': { url: victimUrl, record: true, get: viewVictim, post: viewVictim, body: () => ({}) },
  // Visits, missing episodes and the intelligence that follows them: canSeeVisits and canRecordVisit (not CPS).
  'routes/victims.$victimId_.visits.new': { url: victimUrl, record: true, get: updateVictim, post: updateVictim, body: () => ({}) },
  'routes/victims.$victimId_.missing.new': { url: victimUrl, record: true, get: updateVictim, post: updateVictim, body: () => ({}) },
  'routes/victims.$victimId_.missing.$episodeId': {
    url: (w, ctx) => ({ params: { victimId: w.victim[ctx!], episodeId: w.episode[ctx!] } }),
    record: true,
    get: updateVictim,
    post: updateVictim,
    body: () => ({ intent: 'return' }),
  },
  'routes/victims.$victimId_.intelligence.new': {
    url: (w, ctx) => ({ params: { victimId: w.victim[ctx!] }, query: { episode: w.episode[ctx!] } }),
    record: true,
    get: updateVictim,
    post: updateVictim,
    body: () => ({}),
  },
  // Referrals are made by those who may update the victim.
  'routes/victims.$victimId_.referrals.new': { url: victimUrl, record: true, get: updateVictim, post: updateVictim, body: () => ({}) },
  // Complaints: seen by anyone who may see the victim, recorded by those who may record a contact (CPS liaison included).
  'routes/victims.$victimId_.complaints.new': {
    url: (w, ctx) => ({ params: { victimId: w.victim[ctx!] }, query: { entitlement: w.entitlement[ctx!] } }),
    record: true,
    get: viewVictim,
    post: viewVictim,
    body: () => ({}),
  },
  'routes/victims.$victimId_.complaints.$complaintId': {
    url: (w, ctx) => ({ params: { victimId: w.victim[ctx!], complaintId: w.complaint[ctx!] } }),
    record: true,
    get: viewVictim,
    post: viewVictim,
    body: () => ({}),
  },

  // ---- cases ---------------------------------------------------------------------------------
  'routes/cases._index': { url: none, record: false, get: signedIn({ advocate: 'ok', officer: 'ok', cps_liaison: 'ok', manager: 'ok', police_manager: 'ok' }) },
  // canCreateCase: officers and managers of a police force, for their own force — not a voluntary service's manager.
  'routes/cases.new': {
    url: none,
    record: false,
    get: signedIn({ officer: 'ok', police_manager: 'ok' }),
    post: signedIn({ officer: 'ok', police_manager: 'ok' }),
    body: () => ({}),
  },
  // canViewCaseThroughVictim: advocates and a service's manager through a victim they see; police and CPS directly.
  'routes/cases.$caseId': { url: caseUrl, record: true, get: viewCase },
  'routes/cases.$caseId_.defendants': { url: caseUrl, record: true, get: viewCase, post: updateCase, body: () => ({}) },
  'routes/cases.$caseId_.edit': { url: caseUrl, record: true, get: updateCase, post: updateCase, body: () => ({}) },
  'routes/cases.$caseId_.victims': { url: caseUrl, record: true, get: updateCase, post: updateCase, body: (w, ctx) => ({ intent: 'link', victimId: w.victim[ctx!] }) },
  // canAllocateToCase: police and CPS who may update the case; managers of the force (or CPS area) without updating it.
  'routes/cases.$caseId_.allocations': {
    url: caseUrl,
    record: true,
    get: signedIn({ officer: OWN, cps_liaison: OWN, police_manager: OWN_ORG }),
    post: signedIn({ officer: OWN, cps_liaison: OWN, police_manager: OWN_ORG }),
    body: () => ({ intent: 'allocate' }),
  },
  // canRecordJourneyEvent: officers and CPS through the case, advocates through a victim they may update.
  'routes/cases.$caseId_.events.new': {
    url: caseUrl,
    record: true,
    get: signedIn({ advocate: OWN, officer: OWN, cps_liaison: OWN }),
    post: signedIn({ advocate: OWN, officer: OWN, cps_liaison: OWN }),
    body: (_w, _ctx, asker) => ({ type: asker === 'cps_liaison' ? 'court_familiarisation_visit' : 'vps_offered' }),
  },
  // Case reviews: police and CPS who see the case in their own right, and managers of the force; a service's manager does not.
  'routes/cases.$caseId_.review': {
    url: caseUrl,
    record: true,
    get: signedIn({ officer: OWN, cps_liaison: OWN, police_manager: OWN_ORG }),
    post: signedIn({ cps_liaison: OWN, police_manager: OWN_ORG }),
    body: () => ({ intent: 'save' }),
  },

  // ---- intelligence: the author and the police force it was sent to (app/domain/intelligence/item.ts) ----
  // The queue (no record in the URL); its action records a visit's disclosure on the case — the visit is the record,
  // and a disclosure is for the force whose case the victim is on, as intelligence is.
  'routes/intelligence._index': {
    url: none,
    record: true,
    get: signedIn({ officer: 'ok', police_manager: 'ok' }),
    post: signedIn({ officer: OWN_ORG, police_manager: OWN_ORG }),
    body: (w, ctx) => ({ intent: 'disclosure', visitId: w.disclosureVisit[ctx!], note: '' }),
  },
  // The item is sent to side A's force for every record of side A, restricted or not: the force's officers and managers see it.
  'routes/intelligence.$itemId': {
    url: (w, ctx) => ({ params: { itemId: w.intelligence[ctx!] } }),
    record: true,
    get: signedIn({ advocate: OWN, officer: OWN_ORG, police_manager: OWN_ORG }),
    post: signedIn({ officer: OWN_ORG, police_manager: OWN_ORG }),
    body: (w, ctx) => ({ intent: 'return', question: '', version: w.intelligenceVersion[ctx!] }),
  },

  // ---- referrals and support -----------------------------------------------------------------
  'routes/referrals._index': { url: none, record: false, get: signedIn({ advocate: 'ok', manager: 'ok', police_manager: 'ok' }) },
  // The two organisations of a referral (their advocates and managers keep their record of it) and anyone who may see
  // the victim. A restricted victim's referral stays the organisations' to manage, but without who the victim is
  // (the test's leak check: no answer names a victim the asker may not see).
  'routes/referrals.$referralId': {
    url: (w, ctx) => ({ params: { referralId: w.referral[ctx!] } }),
    record: true,
    get: signedIn({ advocate: OWN_ORG, officer: OWN, cps_liaison: OWN, manager: OWN_ORG, police_manager: OWN }),
    // Withdrawing is for the referring side (side A's voluntary service: its advocate and manager).
    post: signedIn({ advocate: OWN_ORG, manager: OWN_ORG }),
    body: (w, ctx) => ({ intent: 'withdraw', version: w.referralVersion[ctx!], reason: 'Matrix: no longer needed.' }),
  },
  // A victim's record shared with a police force, or access asked of its holder: the caseworkers of the request's two
  // organisations (own: side A's service to side A's force; restricted: side B asking side A's service, whose people
  // see the request but not who the restricted child is).
  'routes/requests._index': { url: none, record: false, get: signedIn({ advocate: 'ok', officer: 'ok', manager: 'ok', police_manager: 'ok' }) },
  'routes/requests.$requestId': {
    url: (w, ctx) => ({ params: { requestId: w.shareRequest[ctx!] } }),
    record: true,
    get: signedIn({ advocate: OWN_ORG, officer: OWN, manager: OWN_ORG, police_manager: OWN }),
    // Either side may post; an answer that is not theirs to give is a message next to the buttons (400).
    post: signedIn({ advocate: OWN_ORG, officer: OWN, manager: OWN_ORG, police_manager: OWN }),
    body: () => ({ intent: 'withdraw', version: '1' }),
  },
  // Made from "Add a victim" (a GET goes back there); anyone who may add a victim.
  'routes/requests.access': {
    url: none,
    record: false,
    get: signedIn({ advocate: 'ok', officer: 'ok', manager: 'ok', police_manager: 'ok' }),
    post: signedIn({ advocate: 'ok', officer: 'ok', manager: 'ok', police_manager: 'ok' }),
    body: () => ({}),
  },
  // An advocacy service's advocates and managers share a child they work with (not a restricted record).
  'routes/victims.$victimId_.share-with-police': {
    url: victimUrl,
    record: true,
    get: signedIn({ advocate: OWN, manager: OWN }),
    post: signedIn({ advocate: OWN, manager: OWN }),
    body: () => ({}),
  },
  'routes/support._index': { url: none, record: false, get: signedIn({ advocate: 'ok', officer: 'ok', cps_liaison: 'ok', manager: 'ok', police_manager: 'ok' }) },
  'routes/support.services': { url: none, record: false, get: signedIn({ manager: 'ok', police_manager: 'ok' }), post: signedIn({ manager: 'ok', police_manager: 'ok' }), body: () => ({}) },

  // ---- oversight: compliance (police, CPS, managers), review dashboard and data set (CPS liaison, managers) ----
  'routes/compliance._index': { url: none, record: false, get: signedIn({ officer: 'ok', cps_liaison: 'ok', manager: 'ok', police_manager: 'ok' }) },
  'routes/review._index': {
    url: none,
    record: false,
    get: signedIn({ cps_liaison: 'ok', manager: 'ok', police_manager: 'ok' }),
    // Only managers set the suppression threshold.
    post: signedIn({ manager: 'ok', police_manager: 'ok' }),
    body: () => ({ threshold: '' }),
  },
  'routes/review.cases[.csv]': { url: none, record: false, get: signedIn({ cps_liaison: 'ok', manager: 'ok', police_manager: 'ok' }) },
  'routes/review.dataset': { url: none, record: false, get: signedIn({ manager: 'ok', police_manager: 'ok' }) },
  'routes/review.dataset[.csv]': { url: () => ({ query: { quarter: '2026-Q1' } }), record: false, get: signedIn({ manager: 'ok', police_manager: 'ok' }) },
}
