import { expect, test } from 'vitest'
import { cachedRead, withReadCache } from '~/services/read-cache.server'

test('inside one withReadCache a key is loaded once, even by parallel readers; outside, every time', async () => {
  let loads = 0
  const load = async () => ++loads
  const shared = await withReadCache(() => Promise.all([cachedRead('k', load), cachedRead('k', load), cachedRead('other', load)]))
  expect(shared).toEqual([1, 1, 2])
  // A second page view starts afresh; no cache outside one.
  expect(await withReadCache(() => cachedRead('k', load))).toBe(3)
  expect(await cachedRead('k', load)).toBe(4)
  expect(await cachedRead('k', load)).toBe(5)
})
