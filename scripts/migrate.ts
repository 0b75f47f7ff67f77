// `npm run db:migrate`: applies pending migrations to the configured database (DATABASE_URL, or the
// embedded one under DATA_DIR — only while no server has it open) without the Prisma CLI's engine.
import { connect } from '../app/services/db.server'

const handle = await connect() // connect() applies pending migrations
console.log(`Migrations applied (${handle.kind}).`)
await handle.close()
