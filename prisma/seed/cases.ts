// The demo cases K1–K12: references, CPS files and summaries (their journeys are in ./journeys.ts).
import { on } from './context'
import type { VictimKey } from './people'

// Case stages are derived from each case's journal (prisma/seed/journeys.ts). On the reference date
// they are: K1 reported · K2 investigation · K3 and K4 suspect_released (bail; released under
// investigation) · K5 charging_decision · K6 ptph · K7 s28_recording · K8 trial · K9 appeal_window
// (until 4 December 2026) · K10 and K12 post_sentence · K11 nfa.

export interface CaseSeed {
  crimeReference: string
  /** CPS URN: '99' (made-up force number), 'NM', serial, year of the file. */
  cpsUrn?: string
  sentToCpsAt?: Date
  /** Witness care unit takes over victim contact once a case is charged. */
  witnessCare?: boolean
  status?: 'open' | 'closed'
  /** May name future dates as {k8Trial} etc. (FutureDates), filled in at seed time. */
  summary: string
  createdAt: Date
  victims: readonly VictimKey[]
}

export const CASES = {
  k1: {
    crimeReference: 'NM/26/004517',
    summary:
      'Sexual communication with a child and inciting a child to send indecent images, by an unidentified adult contact on a gaming platform. Reported by her mother on 20 November 2026; crime recorded, devices seized for download; ABE interview being arranged.',
    createdAt: on('2026-11-20', 14, 10),
    victims: ['kayla'],
  },
  k2: {
    crimeReference: 'NM/26/003754',
    summary:
      'Group-based exploitation linked to a takeaway in Dalebridge town centre: adult men gave two girls alcohol, vapes and lifts, then took them to a flat where they were sexually abused. Strategy discussion held on 28 September 2026; ABE interviews completed for both girls (a registered intermediary assisted Tia). Two suspects identified; arrests being planned with the MASE panel.',
    createdAt: on('2026-09-25', 22, 35),
    victims: ['amira', 'tiana'],
  },
  k3: {
    crimeReference: 'NM/26/002745',
    summary:
      'Sexual activity with a child and arranging a child sex offence by a man aged 24 met through social media, who also tried to recruit a second girl to be sexually exploited by his friends. Arrested and interviewed on 3 August 2026 and released on pre-charge bail with conditions not to contact either girl; bail extended on 30 October 2026 until {k3BailEnds} while his phones are examined.',
    createdAt: on('2026-07-14', 18, 20),
    victims: ['leah', 'isla'],
  },
  k4: {
    crimeReference: 'NM/26/001080',
    summary:
      '“Boyfriend” model exploitation by a man aged 21 who introduced her to older friends and asked her to meet them. Arrested on 14 April 2026 and released under investigation while phones seized from him are examined; no bail conditions, so a Child Abduction Warning Notice was served.',
    createdAt: on('2026-03-16', 9, 45),
    victims: ['sofia'],
  },
  k5: {
    crimeReference: 'NM/26/000771',
    cpsUrn: '99NM0958326',
    sentToCpsAt: on('2026-10-30', 15, 30),
    summary:
      'Rape and sexual activity with a child by two adult men who groomed both girls through an older friend, between autumn 2024 and spring 2025 when the girls were 15. Both suspects interviewed under caution. Full file submitted to CPS on 30 October 2026 for a charging decision under the Full Code Test.',
    createdAt: on('2026-02-23', 16),
    victims: ['zainab', 'nadia'],
  },
  k6: {
    crimeReference: 'NM/25/004206',
    cpsUrn: '99NM0311726',
    sentToCpsAt: on('2026-04-20', 11),
    witnessCare: true,
    summary:
      'Three men charged on 12 June 2026 with trafficking for sexual exploitation and controlling a child in relation to sexual exploitation, after moving two girls between flats in Northmoor and Dalebridge. Sent to Northmoor Crown Court; PTPH held on 15 July 2026 (not guilty pleas); trial fixed for {k6Trial}, estimated four weeks. A fourth man, identified from phone downloads, was charged on 2 November 2026; his PTPH is listed for {k6PtphForD}.',
    createdAt: on('2025-10-06', 13, 15),
    victims: ['ruby', 'chloe'],
  },
  k7: {
    crimeReference: 'NM/25/003467',
    cpsUrn: '99NM0040226',
    sentToCpsAt: on('2026-01-12', 10),
    witnessCare: true,
    summary:
      'Causing or inciting a child to engage in sexual activity and sexual exploitation of a child by a man aged 41. Charged on 20 February 2026; not guilty plea. Ground rules hearing held on 10 November 2026; section 28 pre-recorded cross-examination listed for {k7Section28} at Northmoor Crown Court, with a registered intermediary.',
    createdAt: on('2025-08-18', 17, 40),
    victims: ['maya'],
  },
  k8: {
    crimeReference: 'NM/25/002318',
    cpsUrn: '99NM0531125',
    sentToCpsAt: on('2025-12-01', 14),
    witnessCare: true,
    summary:
      'Paying for the sexual services of a child and controlling a child in relation to sexual exploitation, by a man aged 38, when she was 16 and 17. The woman who let the flat was released with no further action in November 2025 (outcome 15). Not guilty plea at PTPH. Trial listed to start on {k8Trial} at Northmoor Crown Court (five days); special measures granted: video-recorded evidence-in-chief, live link and screens.',
    createdAt: on('2025-06-02', 11, 25),
    victims: ['chloe'],
  },
  k9: {
    crimeReference: 'NM/25/001093',
    cpsUrn: '99NM0468125',
    sentToCpsAt: on('2025-09-15', 12),
    witnessCare: true,
    summary:
      'Meeting a child following sexual grooming and sexual activity with a child, by a man aged 29 who contacted him through an online game. Convicted after trial on 25 September 2026; sentenced on 6 November 2026 to 7 years 6 months’ imprisonment with a sexual harm prevention order. Appeal window open until 4 December 2026.',
    createdAt: on('2025-03-20', 19, 5),
    victims: ['kieran'],
  },
  k10: {
    crimeReference: 'NM/24/003286',
    cpsUrn: '99NM0062325',
    sentToCpsAt: on('2025-01-20', 10, 30),
    witnessCare: true,
    summary:
      'Abuse of a position of trust and making indecent images of a child, by a sports coach aged 34, when Alex was 16 and 17. Guilty pleas at PTPH; sentenced on 13 March 2026 to 4 years 8 months’ imprisonment. Alex opted in to the Victim Contact Scheme; victim liaison officer in touch about licence conditions.',
    createdAt: on('2024-08-19', 15, 50),
    victims: ['alex'],
  },
  k11: {
    crimeReference: 'NM/26/000266',
    status: 'closed',
    summary:
      'Suspected exploitation by older males at a “party house” in Fellgate. Ellie gave a first account but decided not to support further police action. Investigation closed on 30 September 2026 with outcome 16 (evidential difficulties; victim does not support action); it can be reopened if she chooses. Intelligence shared with the MASE panel.',
    createdAt: on('2026-01-19', 20, 40),
    victims: ['ellie'],
  },
  k12: {
    crimeReference: 'NM/24/001912',
    cpsUrn: '99NM0877424',
    sentToCpsAt: on('2024-10-07', 11),
    witnessCare: true,
    status: 'closed',
    summary:
      'Causing or inciting sexual exploitation of a child and making indecent images of a child, by a man aged 27, when she was 16. Guilty pleas at the first hearing; sentenced on 14 May 2025 to 3 years 9 months’ imprisonment. Case finalised.',
    createdAt: on('2024-05-13', 12, 30),
    victims: ['hollie'],
  },
} as const satisfies Record<string, CaseSeed>
export type CaseKey = keyof typeof CASES
