/**
 * `npm run demo [-- --json | --lang zh | ...]`: the real CLI against the loopback fake server, with a throw-away
 * HOME holding fixture credentials for every implemented provider. Shows what mystatus does without any account.
 */
import { spawn } from "node:child_process"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { startFakeServer } from "../test/support/FakeServer.js"
import { baseUrlEnv, happyRoutes, seedHome } from "../test/support/fixtures.js"
import { makeHome } from "../test/support/Home.js"

/**
 * What the child may inherit: the terminal, the language, the time zone, what Node and tsx need to run. An
 * allowlist, not a blocklist: a variable that locates credentials (today's or one added later), a proxy or
 * NODE_OPTIONS cannot leak in, so the demo never reads or sends a real credential, nor leaves the loopback.
 */
const INHERITED = [
  "PATH", "TERM", "COLORTERM", "COLUMNS", "LINES", "NO_COLOR", "FORCE_COLOR",
  "LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "TZ",
  "TMPDIR", "TMP", "TEMP", "SYSTEMROOT", "PATHEXT", "COMSPEC"
]

const now = Date.now()
const server = await startFakeServer(happyRoutes(now))
const home = makeHome()
seedHome(home, now)

const env: Record<string, string> = {}
for (const name of INHERITED) {
  const value = process.env[name]
  if (value !== undefined) env[name] = value
}
// Every place a credential is looked for points into the temp tree, whatever the platform's defaults.
Object.assign(env, {
  HOME: home.dir,
  USERPROFILE: home.dir,
  XDG_DATA_HOME: join(home.dir, ".local/share"),
  XDG_CONFIG_HOME: join(home.dir, ".config"),
  OPENCODE_CONFIG_DIR: join(home.dir, ".config/opencode"),
  APPDATA: join(home.dir, "AppData/Roaming"),
  CLAUDE_CONFIG_DIR: join(home.dir, ".claude"),
  ...baseUrlEnv(server.url)
})

const root = fileURLToPath(new URL("..", import.meta.url))
const child = spawn(process.execPath, ["--import", "tsx", join(root, "src/program.ts"), ...process.argv.slice(2)], {
  stdio: "inherit",
  cwd: root,
  env
})
const code = await new Promise<number>((resolve) => child.on("exit", (status) => resolve(status ?? 1)))
await server.close()
home.remove()
process.exit(code)
