// Invented word lists for the large synthetic region. Surnames and places are made from invented
// syllables, so no combination names a real person, place or case; phone numbers stay in Ofcom's
// drama range and email addresses on .example domains, as in prisma/seed.ts.

export const FIRST_NAMES = [
  'Ada', 'Bryn', 'Cass', 'Dara', 'Elin', 'Fen', 'Gwen', 'Hale', 'Ines', 'Jory', 'Kit', 'Lark', 'Mira', 'Nell', 'Oren', 'Pia',
  'Quin', 'Rae', 'Sian', 'Tam', 'Una', 'Vale', 'Wren', 'Yara', 'Zeb', 'Asha', 'Bea', 'Coll', 'Demi', 'Esme', 'Faye', 'Gil',
] as const

const SURNAME_START = ['Brack', 'Coll', 'Dun', 'Elm', 'Farr', 'Gold', 'Hart', 'Kell', 'Lind', 'Marr', 'Nors', 'Oak', 'Penn', 'Quarr', 'Rook', 'Sill', 'Thorn', 'Wend'] as const
const SURNAME_END = ['away', 'by', 'cott', 'ell', 'field', 'hurst', 'ings', 'ley', 'mere', 'ock', 'stead', 'ton', 'well', 'wick'] as const

/** Invented towns of the synthetic region (not real places). */
export const PLACES = ['Larkholt', 'Wenbury Cross', 'Oxmere', 'Fallowdene', 'Cindermoor', 'Brackwell', 'Sallowby', 'Tarnholm'] as const

const STREETS = ['Kestrel Row', 'Mallow Street', 'Quillet Lane', 'Ferncote Walk', 'Dovecote Close', 'Pennyfold Road'] as const

export function surname(i: number): string {
  return `${SURNAME_START[i % SURNAME_START.length]}${SURNAME_END[Math.floor(i / SURNAME_START.length) % SURNAME_END.length]}`
}

export function address(i: number): string {
  return `${(i % 180) + 1} ${STREETS[i % STREETS.length]}, ${PLACES[i % PLACES.length]}, LG${(i % 9) + 1} ${(i % 8) + 1}QX`
}

/** 07700 900000–900999: Ofcom's range reserved for drama. */
export const phone = (i: number) => `07700 900${String(i % 1000).padStart(3, '0')}`
