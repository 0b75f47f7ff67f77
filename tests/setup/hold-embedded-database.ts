// Opens the embedded database in the folder given and holds it until SIGTERM: the other Waypoint
// process of tests/integration/embedded-database-lock.test.ts.
import { openPglite } from '../../app/services/db.server'

const handle = await openPglite(process.argv[2]!)
process.stdout.write('open\n')
process.on('SIGTERM', () => {
  void handle.close().then(() => process.exit(0))
})
setInterval(() => {}, 60_000)
