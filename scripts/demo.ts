/**
 * `npm run demo [-- --json | --lang zh | ...]`: the real CLI against the loopback fake server, with a throw-away
 * HOME holding fixture credentials for every implemented provider. Shows what mystatus does without any account.
 */
import { spawn } from "node:child_process"
import { fileURLToPath } from "node:url"
import { startFakeServer } from "../test/support/FakeServer.js"
import { baseUrlEnv, happyRoutes, seedHome } from "../test/support/fixtures.js"
import { makeHome } from "../test/support/Home.js"

const now = Date.now()
const server = await startFakeServer(happyRoutes(now))
const home = makeHome()
seedHome(home, now)

const program = fileURLToPath(new URL("../src/program.ts", import.meta.url))
const child = spawn(process.execPath, ["--import", "tsx", program, ...process.argv.slice(2)], {
  stdio: "inherit",
  env: { ...process.env, HOME: home.dir, XDG_DATA_HOME: "", ...baseUrlEnv(server.url) }
})
const code = await new Promise<number>((resolve) => child.on("exit", (status) => resolve(status ?? 1)))
await server.close()
home.remove()
process.exit(code)
