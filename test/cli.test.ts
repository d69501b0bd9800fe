import { describe, expect, it } from "@effect/vitest"
import { Schema } from "effect"
import { afterEach } from "vitest"
import pkg from "../package.json" with { type: "json" }
import { JsonReport } from "../src/schema/json.js"
import { execFile } from "node:child_process"
import { existsSync } from "node:fs"
import { BIN, runCli } from "./support/cli.js"
import { type FakeServer, startFakeServer } from "./support/FakeServer.js"
import {
  authEntries,
  baseUrlEnv,
  COPILOT_RESET,
  FIXTURE_SECRETS,
  glmFailure,
  happyRoutes,
  PATHS,
  seedHome
} from "./support/fixtures.js"
import { makeHome } from "./support/Home.js"

const HOUR = 3600_000

const cleanup: Array<() => unknown> = []
afterEach(async () => {
  for (const undo of cleanup.splice(0)) await undo()
})

const setup = async (routes = happyRoutes(Date.now()), entries: object = authEntries(Date.now())) => {
  const server: FakeServer = await startFakeServer(routes)
  const home = makeHome()
  seedHome(home, Date.now())
  home.authJson(entries)
  cleanup.push(() => server.close(), home.remove)
  return { server, home, env: { HOME: home.dir, ...baseUrlEnv(server.url) } }
}

const expectNoSecrets = (...outputs: ReadonlyArray<string>) => {
  for (const secret of FIXTURE_SECRETS) for (const output of outputs) expect(output).not.toContain(secret)
}

describe("mystatus CLI", () => {
  it("--json prints contract v1 with the right percentages and reset times, exit 0", async () => {
    const { env, home } = await setup()
    const before = home.snapshot()
    const started = Date.now()
    const { code, stderr, stdout } = await runCli(["--json"], env)
    expect(stderr).toBe("")
    expect(code).toBe(0)
    const report = Schema.decodeUnknownSync(JsonReport)(JSON.parse(stdout))
    expect(report.providers.map((p) => [p.id, p.status, p.account])).toEqual([
      ["openai", "ok", "dev@example.com"],
      ["zhipu", "ok", "9c89****AQVM"],
      ["zai", "ok", "5b1e****Z7QX"],
      ["copilot", "ok", null],
      ["google", "ok", "alice@example.com"],
      ["google", "ok", "#2"]
    ])
    const [openai, zhipu, zai, copilot, google] = report.providers
    expect(openai!.windows.map((w) => [w.label, w.usedPercent, w.remainingPercent, w.windowSeconds])).toEqual([
      ["5-hour", 33, 67, 18000],
      ["Weekly", 81, 19, 604800]
    ])
    expect(openai!.warnings).toEqual(["Weekly: 81% used"])
    expect(Math.abs(Date.parse(openai!.windows[0]!.resetsAt!) - (started + 2.5 * HOUR))).toBeLessThan(5000)
    expect(zhipu!.windows.map((w) => [w.label, w.remainingPercent, w.used, w.limit, w.unit])).toEqual([
      ["5-hour", 75, null, null, null],
      ["Weekly", 91, null, null, null],
      ["MCP · Monthly", 78, 224, 1000, "calls"]
    ])
    expect(zai!.windows[1]).toMatchObject({ label: "MCP · Monthly", resetsAt: null })
    expect(copilot!.windows).toEqual([{
      label: "Premium requests",
      usedPercent: 76.3,
      remainingPercent: 23.7,
      resetsAt: COPILOT_RESET.toISOString(),
      windowSeconds: null,
      used: 229,
      limit: 300,
      unit: "requests"
    }])
    expect(google!.windows.map((w) => [w.label, w.remainingPercent])).toEqual([
      ["Gemini Pro", 60],
      ["Gemini Flash", 100],
      ["Gemini Image", 95],
      ["Claude", 0],
      ["GPT-OSS", 15],
      ["Other models", 90]
    ])
    expectNoSecrets(stdout, stderr)
    expect(home.snapshot()).toEqual(before)
  })

  it("failures are listed with their fixes while the others still report, exit 1", async () => {
    const now = Date.now()
    const entries = authEntries(now)
    const { env } = await setup(
      { ...happyRoutes(now), [`GET ${PATHS.zhipu}`]: { body: glmFailure } },
      { ...entries, openai: { ...entries.openai, expires: now - 2 * HOUR } }
    )
    const { code, stdout } = await runCli([], env)
    expect(code).toBe(1)
    expect(stdout).toContain("Z.ai · 5b1e****Z7QX")
    expect(stdout).toContain("Failed to query")
    expect(stdout).toContain("✗ Zhipu AI · 9c89****AQVM: Zhipu API request failed (401): Invalid API key")
    expect(stdout).toContain("✗ OpenAI · dev@example.com: OpenAI access token expired 2h 0m ago")
    expect(stdout).toContain("Fix: Use an OpenAI model once in OpenCode to refresh it")
    expect(stdout).not.toContain("\u001b[")
    expectNoSecrets(stdout)
  })

  it("--json carries errors as tagged entries, with the HTTP status", async () => {
    const now = Date.now()
    const { env } = await setup({ ...happyRoutes(now), [`GET ${PATHS.openai}`]: { status: 401, body: { detail: "nope" } } })
    const { code, stdout } = await runCli(["--json", "--provider", "openai", "--provider", "zai"], env)
    expect(code).toBe(1)
    const report = Schema.decodeUnknownSync(JsonReport)(JSON.parse(stdout))
    expect(report.providers.map((p) => p.id)).toEqual(["openai", "zai"])
    expect(report.providers[0]!.error).toMatchObject({ tag: "HttpError", httpStatus: 401 })
    expect(report.providers[0]!.error!.fix).toContain("re-authorize")
  })

  it("nothing configured: the help text and exit 2", async () => {
    const home = makeHome()
    cleanup.push(home.remove)
    const { code, stdout } = await runCli([], { HOME: home.dir })
    expect(code).toBe(2)
    expect(stdout).toContain("No configured accounts found.")
    expect(stdout).toContain(`${home.dir}/.local/share/opencode/auth.json (not found)`)
  })

  it("bad arguments exit 2", async () => {
    const home = makeHome()
    cleanup.push(home.remove)
    for (const args of [["--timeout", "0"], ["--lang", "fr"], ["--bogus"], ["--provider", "nope"]]) {
      const { code } = await runCli(args, { HOME: home.dir })
      expect(code, args.join(" ")).toBe(2)
    }
  })

  it("--help and --version", async () => {
    const help = await runCli(["--help"], {})
    expect(help.code).toBe(0)
    expect(help.stdout, "no colour when stdout is not a terminal").not.toContain("\u001b[")
    for (const flag of ["--json", "--provider", "--timeout", "--lang", "--no-color"]) expect(help.stdout).toContain(flag)
    const version = await runCli(["--version"], {})
    expect(version.stdout.trim()).toBe(pkg.version)
  })

  it("the bundled bin (plain node) prints the same report as the source", async () => {
    const { env } = await setup()
    const [source, bin] = await Promise.all([runCli(["--json"], env), runCli(["--json"], env, "bin")])
    expect(bin.code).toBe(0)
    const strip = (stdout: string) => ({ ...JSON.parse(stdout), generatedAt: null })
    expect(strip(bin.stdout)).toEqual(strip(source.stdout))
    const help = await runCli(["--version"], {}, "bin")
    expect(help.stdout.trim()).toBe(pkg.version)
  })

  // `script` gives the CLI a terminal (util-linux, on the Linux machines this runs on).
  it.skipIf(!existsSync("/usr/bin/script"))("colours on a terminal, never with NO_COLOR or --no-color", async () => {
    const { env } = await setup()
    const onTerminal = (command: string, extra: Record<string, string> = {}) =>
      new Promise<string>((resolve) =>
        execFile("/usr/bin/script", ["-qec", command, "/dev/null"], { env: { ...env, PATH: process.env.PATH ?? "", ...extra } }, (_, stdout) =>
          resolve(stdout))
      )
    const bin = `${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} --provider zai`
    expect(await onTerminal(bin)).toContain("\u001b[32m")
    expect(await onTerminal(bin, { NO_COLOR: "1" })).not.toContain("\u001b[")
    expect(await onTerminal(`${bin} --no-color`)).not.toContain("\u001b[")
  })

  it("--lang zh speaks Chinese", async () => {
    const { env } = await setup()
    const { stdout } = await runCli(["--lang", "zh", "--provider", "zhipu"], env)
    expect(stdout).toContain("剩余 75%")
  })
})
