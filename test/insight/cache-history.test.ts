import { describe, expect, it } from "@effect/vitest"
import { readFileSync } from "node:fs"
import { afterEach } from "vitest"
import type { JsonReport } from "../../src/schema/json.js"
import { ZAI_ENTRY, ZHIPU_ENTRY } from "../providers/glm/fixtures.js"
import { runCli } from "../support/cli.js"
import { type FakeServer, startFakeServer } from "../support/FakeServer.js"
import { baseUrlEnv, FIXTURE_SECRETS, happyRoutes, seedHome } from "../support/fixtures.js"
import { AUTH_JSON, makeHome } from "../support/Home.js"

/** The built CLI with its cache (`--max-age`, `--fresh`) and history (pace, `--no-history`), as status bars use it. */

const cleanup: Array<() => unknown> = []
afterEach(async () => {
  for (const undo of cleanup.splice(0)) await undo()
})

const setup = async () => {
  const server: FakeServer = await startFakeServer(happyRoutes(Date.now()))
  const home = makeHome()
  cleanup.push(() => server.close(), home.remove)
  return { server, home, env: { HOME: home.dir, ...baseUrlEnv(server.url) } }
}

describe("the cache and the history, from the CLI", () => {
  it("--format line reuses an answer younger than --max-age (60 s by default); --fresh asks again; a corrupt cache is ignored", async () => {
    const { env, home, server } = await setup()
    seedHome(home, Date.now())
    const first = await runCli(["--format", "line"], env, "bin")
    const asked = server.requests.length
    expect(first.code).toBe(0)
    expect(asked).toBeGreaterThan(10)
    const second = await runCli(["--format", "line"], env, "bin")
    expect(second.stdout).toBe(first.stdout)
    expect(server.requests.length).toBe(asked)
    await runCli(["--format", "line", "--fresh"], env, "bin")
    expect(server.requests.length).toBe(2 * asked)
    // A text run does not read the cache unless asked (--max-age 0 by default), but may be given an age.
    await runCli(["--max-age", "600"], env, "bin")
    expect(server.requests.length).toBe(2 * asked)

    const cacheFiles = home.ownFiles().filter((file) => file.includes("/.cache/mystatus/"))
    expect(cacheFiles.length).toBeGreaterThan(0)
    for (const file of cacheFiles) home.write(file.slice(home.dir.length + 1), "{\"version\": 1, \"at\": 1, \"resu")
    const repaired = await runCli(["--format", "line"], env, "bin")
    expect(repaired.code).toBe(0)
    expect(repaired.stdout).toBe(first.stdout)
    expect(server.requests.length).toBe(3 * asked)
  })

  it("every answered run records samples (at most one per window every 5 minutes); --no-history none; no secret in either file", async () => {
    const { env, home } = await setup()
    seedHome(home, Date.now())
    await runCli(["--no-history"], env, "bin")
    expect(home.ownFiles().filter((file) => file.endsWith("history.jsonl"))).toEqual([])
    await runCli(["--format", "line"], env, "bin")
    await runCli(["--fresh"], env, "bin")
    const [history] = home.ownFiles().filter((file) => file.endsWith("history.jsonl"))
    const lines = readFileSync(history!, "utf8").trimEnd().split("\n")
    // One sample per (provider, account, window) of the first run; the second came within 5 minutes.
    const keys = lines.map((line) => {
      const sample = JSON.parse(line) as { provider: string; account: string; window: string }
      return `${sample.provider}/${sample.account}/${sample.window}`
    })
    expect(new Set(keys).size).toBe(keys.length)
    expect(keys).toContain("zai/5b1e****Z7QX/5h")
    for (const file of home.ownFiles()) {
      const content = readFileSync(file, "utf8")
      for (const secret of FIXTURE_SECRETS) expect(content).not.toContain(secret)
    }
  })

  it("pace from the history: runs out before the reset (text and JSON, two languages), or on pace", async () => {
    const { env, home } = await setup()
    home.write(AUTH_JSON, { "zai-coding-plan": ZAI_ENTRY, "zhipuai-coding-plan": ZHIPU_ENTRY })
    const probe = JSON.parse((await runCli(["--json", "--no-history"], env, "bin")).stdout) as JsonReport
    const windowOf = (id: string) => probe.providers.find((p) => p.id === id)!.windows.find((w) => w.key === "5h")!
    const zai = windowOf("zai")
    const zhipu = windowOf("zhipu")
    const now = Date.now()
    const HOUR = 3600_000
    const sample = (provider: string, account: string, at: number, usedPercent: number, resetsAt: string) =>
      JSON.stringify({ at, provider, account, window: "5h", usedPercent, resetsAt: Date.parse(resetsAt) })
    // Z.ai's 5-hour window: 45% two hours ago, 65% one hour ago, 85% now: 20%/h, the last 15% in ~45 min, before its
    // reset in ~1 h. Zhipu's: 5%, 15%, 25% now: 10%/h, about 50% used at its reset in ~2.5 h.
    expect([zai.usedPercent, zhipu.usedPercent]).toEqual([85, 25])
    home.write(".local/state/mystatus/history.jsonl", [
      sample("zai", "5b1e****Z7QX", now - 2 * HOUR, 45, zai.resetsAt!),
      sample("zai", "5b1e****Z7QX", now - HOUR, 65, zai.resetsAt!),
      sample("zhipu", "9c89****AQVM", now - 2 * HOUR, 5, zhipu.resetsAt!),
      sample("zhipu", "9c89****AQVM", now - HOUR, 15, zhipu.resetsAt!),
      ""
    ].join("\n"))
    const [text, fr, json] = await Promise.all([
      runCli(["--no-history"], env, "bin"),
      runCli(["--no-history", "--lang", "fr"], env, "bin"),
      runCli(["--json", "--no-history"], env, "bin")
    ])
    expect(text.stdout).toMatch(/↗ 5-hour: at this rate runs out in ~4[45]m, before the reset in (59m|1h 0m)/)
    expect(text.stdout).toMatch(/↗ 5-hour: on pace: about 5\d% used at the reset/)
    expect(fr.stdout).toContain("à ce rythme, épuisé dans ~")
    const report = JSON.parse(json.stdout) as JsonReport
    const pace = (id: string) => report.providers.find((p) => p.id === id)!.windows.find((w) => w.key === "5h")!.pace
    expect(pace("zai")).toMatchObject({ status: "runsOut", percentPerHour: 20 })
    expect(Math.abs((pace("zai") as { runsOutInSeconds: number }).runsOutInSeconds - 2700)).toBeLessThan(120)
    expect(pace("zhipu")).toMatchObject({ status: "onPace", percentPerHour: 10 })
    // Windows without history have no pace.
    expect(report.providers.find((p) => p.id === "zai")!.windows.find((w) => w.key !== "5h")?.pace).toBeUndefined()
  })
})
