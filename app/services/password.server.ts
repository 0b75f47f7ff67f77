// Password hashing with argon2id (OWASP / NCSC recommendation), via the prebuilt @node-rs/argon2.
import { hash, verify } from '@node-rs/argon2'

// Algorithm.Argon2id (a const enum, which isolated modules cannot read).
const ARGON2ID = 2

// OWASP's minimum for argon2id: 19 MiB memory, 2 iterations, 1 lane.
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 }

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS)
}

export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, password)
  } catch {
    return false
  }
}

// Verified against when the account does not exist, so the response takes as long as a real
// check and timing does not reveal which emails have accounts.
let dummyHash: Promise<string> | undefined
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword('waypoint-timing-equaliser')
  await verifyPassword(await dummyHash, password)
  return false
}
