import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { existsSync } from "node:fs"
import { fileURLToPath, pathToFileURL } from "node:url"
import { KIMI_ENTRY } from "../providers/kimi/fixtures.js"
import { PATHS as GLM_PATHS, ZAI_ENTRY, zaiRootLimits } from "../providers/glm/fixtures.js"
import { type FakeServer, startFakeServer } from "../support/FakeServer.js"
import { baseUrlEnv, FIXTURE_SECRETS, happyRoutes } from "../support/fixtures.js"
import { AUTH_JSON } from "../support/Home.js"
import { type FakeLlm, startFakeLlm } from "./FakeLlm.js"
import { findOpencode, makeOpencodeHome } from "./Opencode.js"
import { startTui } from "./Tui.js"

/**
 * The TUI module inside the real OpenCode TUI (opencode-ai, pinned), offline, in a pseudo-terminal: the package
 * directory registered in tui.json as the README says (OpenCode loads its `./tui` export), the providers' fake
 * server, and a fake model that answers in text.
 */
const ROOT = fileURLToPath(new URL("../..", import.meta.url))
const TUI = fileURLToPath(new URL("../../dist/tui/index.js", import.meta.url))
const SERVER = pathToFileURL(fileURLToPath(new URL("../../dist/plugin/index.js", import.meta.url))).href

let opencode: string
let llm: FakeLlm
let providers: FakeServer
/** Z.ai's 5-hour window: 85% used at first (a warning), then used up. */
let zaiUsed = 85
const cleanup: Array<() => unknown> = []

beforeAll(async () => {
  if (!existsSync(TUI)) throw new Error(`${TUI} is missing: npm test builds it first (npm run build)`)
  opencode = findOpencode()
  llm = await startFakeLlm("no-such-tool")
  const now = Date.now()
  providers = await startFakeServer({
    ...happyRoutes(now),
    [`GET ${GLM_PATHS.zai}`]: () => {
      const body = zaiRootLimits(now)
      return { body: { ...body, limits: body.limits.map((limit) => (limit.unit === 3 ? { ...limit, percentage: zaiUsed } : limit)) } }
    }
  })
  cleanup.push(() => llm.close(), () => providers.close())
})

afterAll(async () => {
  for (const undo of cleanup.splice(0)) await undo()
})

/**
 * An isolated OpenCode home with the TUI module in tui.json, and `auth` as OpenCode's credentials; with `server`, the
 * server plugin in opencode.json too and a model that calls its tool.
 */
const session = (auth: object | null, options: object = {}, server?: { readonly plugin: string; readonly llm: FakeLlm }) => {
  const { env, home, workdir } = makeOpencodeHome({ plugin: server?.plugin ?? null, llmBaseUrl: (server?.llm ?? llm).baseUrl })
  cleanup.push(home.remove)
  if (auth !== null) home.write(AUTH_JSON, auth)
  home.write(".config/opencode/tui.json", {
    $schema: "https://opencode.ai/tui.json",
    plugin: [[pathToFileURL(ROOT).href, options]]
  })
  return {
    home,
    tui: startTui(opencode, { ...env, ...baseUrlEnv(providers.url), MYSTATUS_TUI_MIN_REFRESH_SECONDS: "0" }, workdir)
  }
}

/** The sidebar's column of the screen (OpenCode draws it at the right, from column ~82 at 160 columns). */
const sidebar = (screen: string) => screen.split("\n").map((row) => row.slice(80)).join("\n")

describe("the TUI module in the real OpenCode", () => {
  it("sidebar lines for the configured platforms, updated after a platform's answer changes; each toast once", async () => {
    zaiUsed = 85
    const { home, tui } = session({ "zai-coding-plan": ZAI_ENTRY, "kimi-for-coding": KIMI_ENTRY })
    try {
      // On the home screen, 2 s after start: Z.ai's 5-hour window is past 80% used.
      await tui.waitFor(/Ask anything/, 60_000)
      const warned = await tui.waitFor(/only 15% left/)
      expect(warned).toMatch(/┃\s+mystatus\s+┃/)

      tui.type("hello from the pty")
      tui.type("\r")
      let screen = await tui.waitFor(/Z\.ai █░░░░░ 15%/)
      expect(sidebar(screen)).toMatch(/Z\.ai █░░░░░ 15% (59m|1h 0m)/)
      expect(sidebar(screen)).toMatch(/Kimi for Co… █+░* \d+%/)
      await tui.waitFor(/Quota check/)

      // The platform's answer changes; the next idle session refresh shows it, and the window used up is toasted.
      zaiUsed = 100
      tui.type("again")
      tui.type("\r")
      screen = await tui.waitFor(/Z\.ai ░░░░░░ 0%/)
      const usedUp = await tui.waitFor(/used up; resets in/)
      expect(usedUp).toContain("Z.ai")

      // Asked again with nothing new, once the toast is gone: it does not come back for the same window and period.
      for (let i = 0; i < 200 && /used up; resets in/.test(await tui.screen()); i++) {
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
      expect(await tui.screen()).not.toMatch(/used up; resets in/)
      const zaiAsked = providers.requests.filter((request) => request.path === GLM_PATHS.zai).length
      tui.type("third")
      tui.type("\r")
      for (let i = 0; i < 100 && providers.requests.filter((r) => r.path === GLM_PATHS.zai).length === zaiAsked; i++) {
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
      expect(providers.requests.filter((request) => request.path === GLM_PATHS.zai).length).toBeGreaterThan(zaiAsked)
      await new Promise((resolve) => setTimeout(resolve, 1500))
      screen = await tui.screen()
      expect(screen).not.toMatch(/used up; resets in|only 15% left/)
      expect(sidebar(screen)).toMatch(/Z\.ai ░░░░░░ 0%/)
      for (const secret of FIXTURE_SECRETS) expect(screen).not.toContain(secret)
    } finally {
      await tui.quit()
    }
    void home
  }, 120_000)

  it("with no account, OpenCode starts and answers as usual and the sidebar shows nothing of mystatus", async () => {
    const { tui } = session(null)
    try {
      await tui.waitFor(/Ask anything/, 60_000)
      tui.type("hello")
      tui.type("\r")
      const screen = await tui.waitFor(/Quota check/)
      expect(screen).not.toMatch(/failed: see \/mystatus|█░|░░░/)
      // No toast of ours (its title is "mystatus"; the home's path may contain the word too).
      expect(screen).not.toMatch(/┃\s+mystatus\s+┃/)
    } finally {
      await tui.quit()
    }
  }, 120_000)

  it("with the server plugin installed too: the model's mystatus tool answers in the TUI, beside the sidebar", async () => {
    const toolLlm = await startFakeLlm("mystatus")
    cleanup.push(() => toolLlm.close())
    zaiUsed = 85
    const { tui } = session({ "zai-coding-plan": ZAI_ENTRY }, {}, { plugin: SERVER, llm: toolLlm })
    try {
      await tui.waitFor(/Ask anything/, 60_000)
      tui.type("check my quota")
      tui.type("\r")
      const screen = await tui.waitFor(/Tool said:/)
      expect(sidebar(screen)).toMatch(/Z\.ai █░░░░░ 15%/)
      const toolResults = toolLlm.requests.flatMap((request) => (request.messages ?? []).filter((m) => m.role === "tool"))
      expect(toolResults.length).toBeGreaterThan(0)
      expect(JSON.stringify(toolResults)).toContain("Z.ai · 5b1e****Z7QX")
    } finally {
      await tui.quit()
    }
  }, 120_000)

  it("switched off in tui.json: nothing is drawn, and nothing is asked", async () => {
    const before = providers.requests.length
    const { tui } = session({ "zai-coding-plan": ZAI_ENTRY }, { enabled: false })
    try {
      await tui.waitFor(/Ask anything/, 60_000)
      tui.type("hello")
      tui.type("\r")
      const screen = await tui.waitFor(/Quota check/)
      await new Promise((resolve) => setTimeout(resolve, 2500))
      expect(sidebar(screen)).not.toContain("Z.ai")
      expect(providers.requests.length).toBe(before)
    } finally {
      await tui.quit()
    }
  }, 120_000)
})

