import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { existsSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath, pathToFileURL } from "node:url"
import { type FakeServer, startFakeServer } from "../support/FakeServer.js"
import { baseUrlEnv, FIXTURE_SECRETS, happyRoutes, seedHome } from "../support/fixtures.js"
import { makeHome } from "../support/Home.js"
import { expectFullText } from "../support/outcomes.js"
import { type FakeLlm, startFakeLlm } from "./FakeLlm.js"
import { findOpencode, makeOpencodeHome, runOpencode, verifyToolRun } from "./Opencode.js"

/**
 * The plugin inside the real OpenCode (opencode-ai, pinned), offline: the built `dist/plugin/index.js` installed
 * as the README says, a fake LLM that calls the tool, and the providers' fake server for the quota data.
 */
const PLUGIN = fileURLToPath(new URL("../../dist/plugin/index.js", import.meta.url))

let providers: FakeServer
let llm: FakeLlm
let opencode: string
const cleanup: Array<() => unknown> = []

beforeAll(async () => {
  if (!existsSync(PLUGIN)) throw new Error(`${PLUGIN} is missing: npm test builds it first (npm run build)`)
  opencode = findOpencode()
  providers = await startFakeServer(happyRoutes(Date.now()))
  llm = await startFakeLlm("mystatus")
  cleanup.push(() => providers.close(), () => llm.close())
})

afterAll(async () => {
  for (const undo of cleanup.splice(0)) await undo()
})

/** A throw-away directory for plugin variants. */
const scratch = () => {
  const dir = makeHome()
  cleanup.push(dir.remove)
  return dir.dir
}

/** A fresh isolated home with every platform's fixture credentials and `plugin` in its opencode.json. */
const session = (plugin: string | null) => {
  const { env, home, workdir } = makeOpencodeHome({ plugin, llmBaseUrl: llm.baseUrl })
  seedHome(home, Date.now())
  cleanup.push(home.remove)
  return {
    home,
    run: async (args: ReadonlyArray<string>, toolArgs: object = {}) => {
      llm.requests.length = 0
      llm.toolArgs = toolArgs
      const run = await runOpencode(opencode, args, { ...env, ...baseUrlEnv(providers.url) }, workdir)
      return { run, ...verifyToolRun(llm.requests, run, "mystatus") }
    }
  }
}

describe("the mystatus plugin inside OpenCode", () => {
  it("answers \"check my quota\": the tool runs in OpenCode and its report reaches the model", async () => {
    const { output, problems, run } = await session(pathToFileURL(PLUGIN).href).run(["check my quota"])
    expect(problems).toEqual([])
    expect(run.code).toBe(0)
    // Every account of every provider, as its fixtures say the text report shows it.
    expectFullText(output)
    expect(output).not.toContain("\u001b[")
    const everything = JSON.stringify(run.events) + JSON.stringify(llm.requests) + run.log
    for (const secret of FIXTURE_SECRETS) expect(everything).not.toContain(secret)
  }, 180_000)

  it("/mystatus works from the plugin's own registration (no command in the config)", async () => {
    const { output, problems, userMessages } = await session(pathToFileURL(PLUGIN).href).run(["--command", "mystatus"])
    expect(problems).toEqual([])
    expect(userMessages.some((message) => message.includes("Call the mystatus tool"))).toBe(true)
    expect(output).toContain("Z.ai · 5b1e****Z7QX")
  }, 180_000)

  it("the provider argument narrows the report", async () => {
    const { output, problems, run } = await session(pathToFileURL(PLUGIN).href).run(["check my Copilot quota"], { provider: "copilot" })
    expect(problems).toEqual([])
    const call = run.events.find((e) => e.type === "tool_use")
    expect(call?.part?.state?.input).toEqual({ provider: "copilot" })
    expect(output).toContain("GitHub Copilot · Individual")
    expect(output).not.toContain("OpenAI")
    expect(output).not.toContain("Google Antigravity")
  }, 180_000)

  it("the plugin-folder install works too (a re-export in ~/.config/opencode/plugin/)", async () => {
    const s = session(null)
    s.home.write(".config/opencode/plugin/mystatus.js", `export { default } from ${JSON.stringify(pathToFileURL(PLUGIN).href)}\n`)
    const { output, problems } = await s.run(["check my quota"], { provider: "zai" })
    expect(problems).toEqual([])
    expect(output).toContain("Z.ai · 5b1e****Z7QX")
  }, 180_000)

  it("the check fails when the plugin does not load (OpenCode itself still exits 0)", async () => {
    // Without a `{ id, server }` default export, OpenCode calls every export as a plugin and rejects the module
    // over one that is not a function ("Plugin export is not a function"), logging it and carrying on.
    const broken = join(scratch(), "broken-plugin.js")
    writeFileSync(
      broken,
      `import plugin from ${JSON.stringify(pathToFileURL(PLUGIN).href)}\nexport const mystatus = plugin.server\nexport const extra = 1\n`
    )
    const { problems, run } = await session(pathToFileURL(broken).href).run(["check my quota"])
    expect(run.code).toBe(0)
    expect(run.log).toMatch(/failed to load plugin/)
    expect(problems.join("\n")).toContain("no completed tool_use of mystatus")
    expect(problems.join("\n")).toContain("the model received no tool result")
  }, 180_000)

  it("the check fails when the tool throws", async () => {
    const throwing = join(scratch(), "throwing-plugin.js")
    writeFileSync(
      throwing,
      [
        `import plugin from ${JSON.stringify(pathToFileURL(PLUGIN).href)}`,
        "export default { id: plugin.id, server: async (input) => {",
        "  const hooks = await plugin.server(input)",
        "  hooks.tool.mystatus.execute = async () => { throw new Error(\"boom\") }",
        "  return hooks",
        "} }"
      ].join("\n")
    )
    const { problems } = await session(pathToFileURL(throwing).href).run(["check my quota"])
    expect(problems.join("\n")).toContain("no completed tool_use of mystatus")
    expect(problems.join("\n")).toContain("\"status\":\"error\"")
  }, 180_000)
})
