// A cache for one page view. A page such as the victim's is assembled from several services, each
// checking access for itself (no service trusts its caller); inside withReadCache they share one
// load of the same facts instead of repeating it. Only loaders opt in: an action that changes
// allocations or links must see the facts as they are after its own writes, so it never runs here.
import { AsyncLocalStorage } from 'node:async_hooks'

const storage = new AsyncLocalStorage<Map<string, Promise<unknown>>>()

/** Runs a loader with a fresh cache that lives as long as it does. */
export function withReadCache<T>(load: () => Promise<T>): Promise<T> {
  return storage.run(new Map(), load)
}

/** The value under `key` loaded once per withReadCache; outside one, loaded every time. */
export function cachedRead<T>(key: string, load: () => Promise<T>): Promise<T> {
  const cache = storage.getStore()
  if (!cache) return load()
  let pending = cache.get(key) as Promise<T> | undefined
  if (!pending) {
    pending = load()
    cache.set(key, pending)
  }
  return pending
}
