import { Effect } from "effect"
import { spawn } from "node:child_process"
import { baseUrlEnv, seedHome } from "./test/support/fixtures.js"
import { makeHome, runWith } from "./test/support/Home.js"
const child = spawn(process.execPath, ["--import", "tsx", "scripts/fake-server.ts", "200"], { stdio: ["ignore", "pipe", "inherit"] })
const url = await new Promise<string>((resolve) => child.stdout.once("data", (d) => resolve(String(d).trim())))
const home = makeHome(); seedHome(home, Date.now())
const env = { HOME: home.dir, ...baseUrlEnv(url) }
for (let i = 0; i < 6; i++) {
  const t0 = performance.now(); (globalThis as any).__t0 = t0
  console.log("=== run")
  await Effect.runPromise(runWith(env, { timeoutSeconds: 60 }))
  console.log("total", (performance.now() - t0).toFixed(1))
}
child.kill(); home.remove()
