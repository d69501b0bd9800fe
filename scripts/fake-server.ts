/**
 * The loopback fake of every provider, as its own process: `tsx scripts/fake-server.ts [latency-ms]` prints its
 * base URL on the first line and serves until killed. The benchmark uses it so that serving costs none of the
 * measured process's time.
 */
import { delayed, startFakeServer } from "../test/support/FakeServer.js"
import { happyRoutes } from "../test/support/fixtures.js"

const latency = Number(process.argv[2] ?? 0)
const server = await startFakeServer(delayed(happyRoutes(Date.now()), latency))
console.log(server.url)
process.on("SIGTERM", () => void server.close().then(() => process.exit(0)))
