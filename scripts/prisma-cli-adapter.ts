// Adapter for the Prisma CLI only (prisma.config.ts): an in-memory PGlite, patched for two bugs in
// pglite-prisma-adapter 0.7 that the CLI hits — executeScript does not await PGlite's exec, and an
// arg-less multi-statement executeRaw (used on the shadow database) fails as a prepared statement.
// Both are routed to PGlite's exec. The app itself never uses this file.
import { PGlite } from '@electric-sql/pglite'
import { PrismaPGlite } from 'pglite-prisma-adapter'

type Adapter = Awaited<ReturnType<PrismaPGlite['connect']>>

function patch(adapter: Adapter, pg: PGlite): Adapter {
  const original = adapter.executeRaw.bind(adapter)
  adapter.executeScript = async (script: string) => {
    await pg.exec(script)
  }
  adapter.executeRaw = async (query) => {
    if (query.args.length === 0) {
      const results = await pg.exec(query.sql)
      return results.at(-1)?.affectedRows ?? 0
    }
    return original(query)
  }
  return adapter
}

export async function cliAdapter() {
  const main = new PGlite('memory://')
  const factory = new PrismaPGlite(main)
  return Object.assign(factory, {
    connect: async () => patch(await new PrismaPGlite(main).connect(), main),
    connectToShadowDb: async () => {
      const shadow = new PGlite('memory://')
      return patch(await new PrismaPGlite(shadow).connect(), shadow)
    },
  })
}
