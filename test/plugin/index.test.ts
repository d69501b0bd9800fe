import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import type { Hooks, ToolContext } from "@opencode-ai/plugin"
import { readFileSync } from "node:fs"
import * as entry from "../../src/plugin/index.js"
import { type FakeServer, startFakeServer } from "../support/FakeServer.js"
import { authEntries, baseUrlEnv, FIXTURE_SECRETS, happyRoutes, REGISTERED_IDS, seedHome } from "../support/fixtures.js"
import { makeHome } from "../support/Home.js"
import { expectFullText } from "../support/outcomes.js"

/** The plugin's contract with OpenCode, checked under Node; the e2e test checks it inside OpenCode's Bun. */
const context = (abort = new AbortController().signal) => ({ abort }) as unknown as ToolContext

let server: FakeServer
let hooks: Hooks
const home = makeHome()
const saved = { ...process.env }

beforeAll(async () => {
  server = await startFakeServer(happyRoutes(Date.now()))
  seedHome(home, Date.now())
  Object.assign(process.env, { HOME: home.dir, LANG: "en_US.UTF-8", ...baseUrlEnv(server.url) })
  delete process.env.XDG_DATA_HOME
  delete process.env.XDG_CONFIG_HOME
  delete process.env.OPENCODE_CONFIG_DIR
  hooks = await entry.default.server({} as never)
})

afterAll(async () => {
  await hooks.dispose?.()
  await server.close()
  home.remove()
  process.env = saved
})

const execute = (args: { provider?: string | Array<string> }, ctx = context()) =>
  hooks.tool!.mystatus!.execute(args as never, ctx) as Promise<string>

describe("OpenCode plugin entry", () => {
  it("exports only the { id, server } module OpenCode requires", () => {
    expect(Object.keys(entry)).toEqual(["default"])
    expect(entry.default.id).toBe("mystatus")
    expect(typeof entry.default.server).toBe("function")
  })

  it("registers /mystatus through the config hook, with the template shipped in command/mystatus.md", async () => {
    const config: { command?: Record<string, { template: string; description?: string }> } = {}
    await hooks.config!(config as never)
    const shipped = readFileSync(new URL("../../command/mystatus.md", import.meta.url), "utf8").split("---\n")[2]!.trim()
    expect(config.command?.["mystatus"]?.template).toBe(shipped)
  })

  it("leaves a /mystatus the user defined alone", async () => {
    const config = { command: { mystatus: { template: "mine" } } }
    await hooks.config!(config as never)
    expect(config.command.mystatus.template).toBe("mine")
  })

  it("/mystatus doctor: provider \"doctor\" runs the checks, live against the fake server", async () => {
    const output = await execute({ provider: "doctor" })
    expect(output).toContain("✓ OpenAI · dev@example.com: Live query answered")
    expect(output.split("\n").at(-1)).toBe("No problems found")
    for (const secret of FIXTURE_SECRETS) expect(output).not.toContain(secret)
  })

  it("/mystatus doctor offline: the files only, no live query", async () => {
    for (const provider of ["doctor offline", ["doctor", "--offline"]]) {
      const output = await execute({ provider })
      expect(output).toContain("✓ OpenAI: 1 account configured")
      expect(output).not.toContain("Live query answered")
      expect(output.split("\n").at(-1)).toBe("No problems found")
    }
  })

  it("loading it does not hold OpenCode's event loop: the background warm-up timer is unref'd", async () => {
    // The built entry in a process of its own that loads the plugin and has nothing else to do: it must end on its
    // own, before the warm-up timer (2 s) would fire, and without an error.
    const plugin = new URL("../../dist/plugin/index.js", import.meta.url).href
    const script = `const m = await import(${JSON.stringify(plugin)}); await m.default.server({}); const t = Date.now(); ` +
      `process.on("exit", () => console.log(Date.now() - t))`
    const { spawnSync } = await import("node:child_process")
    const child = spawnSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8", timeout: 10_000 })
    expect(child.stderr).toBe("")
    expect(child.status).toBe(0)
    expect(Number(child.stdout.trim())).toBeLessThan(2000)
  })

  it("an OpenCode event starts the warm-up; a call during or after it answers as usual", async () => {
    const fresh = await entry.default.server({} as never)
    const warming = fresh.event!({ event: { type: "server.connected", properties: {} } } as never)
    const output = await (fresh.tool!.mystatus!.execute({} as never, context()) as Promise<string>)
    await warming
    expectFullText(output)
    await fresh.dispose?.()
  })

  it("returns the same text report as the CLI", async () => {
    const output = await execute({})
    expectFullText(output)
    expect(output).not.toContain("\u001b[")
    for (const secret of FIXTURE_SECRETS) expect(output).not.toContain(secret)
  })

  it("narrows by provider: ids, names and aliases, one or a list", async () => {
    const copilot = await execute({ provider: "GitHub Copilot" })
    expect(copilot).toContain("GitHub Copilot · Individual")
    expect(copilot).not.toContain("OpenAI")
    const two = await execute({ provider: ["codex", "antigravity"] })
    expect(two).toContain("OpenAI · dev@example.com")
    expect(two).toContain("Google Antigravity")
    expect(two).not.toContain("Zhipu")
  })

  it("reads the credentials afresh on every call: a login renewed after an expiry report is seen", async () => {
    const now = Date.now()
    const entries = authEntries(now)
    home.authJson({ ...entries, openai: { ...entries.openai, expires: now - 3600_000 } })
    expect(await execute({ provider: "openai" })).toContain("OpenAI access token expired")
    // The user follows our fix: OpenCode refreshes the token and rewrites auth.json.
    home.authJson(entries)
    const renewed = await execute({ provider: "openai" })
    expect(renewed).not.toContain("expired")
    expect(renewed).toContain("OpenAI · dev@example.com · Plus")
  })

  it("answers an unknown provider with the known ones instead of throwing", async () => {
    await expect(execute({ provider: "claude-max" })).resolves.toBe(
      `Unknown provider: claude-max. Known providers: ${REGISTERED_IDS.join(", ")}.`
    )
  })

  it("honours the abort signal without throwing", async () => {
    const controller = new AbortController()
    controller.abort()
    await expect(execute({}, context(controller.signal))).resolves.toBe("mystatus was cancelled.")
  })
})
