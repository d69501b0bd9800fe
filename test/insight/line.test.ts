import { describe, expect, it } from "@effect/vitest"
import { parseCommandLine } from "../../src/cli/args.js"
import { renderLine } from "../../src/render/line.js"
import { renderText } from "../../src/render/text.js"
import type { Outcome } from "../../src/schema/report.js"
import { exitCode } from "../../src/run.js"
import { runCli } from "../support/cli.js"
import { startFakeServer } from "../support/FakeServer.js"
import { baseUrlEnv, happyRoutes, seedHome } from "../support/fixtures.js"
import { makeHome } from "../support/Home.js"
import { failed, HOUR, NOW, reported, result, window } from "../support/results.js"

/** `--format line`, `--warn-at`, `--fail-under` and their exit codes, on results built by hand. */

const line = (outcomes: ReadonlyArray<Outcome>, options: { color?: boolean; warnAt?: number; lang?: "en" | "fr" } = {}) =>
  renderLine(result(outcomes), { lang: options.lang ?? "en", color: options.color ?? false, warnAt: options.warnAt ?? 80 })

describe("--format line", () => {
  it("one item per platform: its tightest window as percent left, named by its length when it has several", () => {
    expect(line([
      reported("openai", "OpenAI", [window(33), window(81, { windowSeconds: 7 * 24 * HOUR })]),
      reported("copilot", "GitHub Copilot", [window(76, { windowSeconds: null })])
    ])).toBe("OpenAI weekly 19% · GitHub Copilot 24%")
  })

  it("a model's window by the model's name after the platform's; the tightest over every account", () => {
    const model = (name: string, used: number) => window(used, { scope: { _tag: "Named", name }, windowSeconds: null })
    expect(line([
      reported("google", "Google Antigravity", [model("Gemini 3 Pro", 10), model("Claude Sonnet 4.5", 30)], "a@x"),
      reported("google", "Google Antigravity", [model("Gemini 3 Pro", 40), model("Claude Sonnet 4.5", 5)], "b@x")
    ])).toBe("Google Antigravity Gemini 3 Pro 60%")
  })

  it("failed is a marker, never a message; a partial failure shows what answered", () => {
    const text = line([
      failed("kimi", "Kimi for Coding"),
      reported("minimax", "MiniMax", [window(50)], "k1"),
      failed("minimax", "MiniMax"),
      failed("zai", "Z.ai")
    ])
    expect(text).toBe("Kimi for Coding ✗ · MiniMax 50% · Z.ai ✗")
    expect(text).not.toContain("timed out")
  })

  it("unlimited is ∞ only when nothing else binds; over quota is 0%", () => {
    expect(line([reported("copilot", "GitHub Copilot", [window(0, { unlimited: true }), window(90)])])).toBe("GitHub Copilot 5h 10%")
    expect(line([reported("copilot", "GitHub Copilot", [window(0, { unlimited: true })])])).toBe("GitHub Copilot ∞")
    expect(line([reported("zhipu", "Zhipu AI", [window(130)])])).toBe("Zhipu AI 0%")
  })

  it("colour only when asked: red from --warn-at, yellow from half used, green below", () => {
    const outcomes = [reported("a", "A", [window(85)]), reported("b", "B", [window(60)]), reported("c", "C", [window(10)])]
    expect(line(outcomes)).not.toContain("\u001b[")
    const painted = line(outcomes, { color: true })
    expect(painted).toContain("A \u001b[31m15%\u001b[0m")
    expect(painted).toContain("B \u001b[33m40%\u001b[0m")
    expect(painted).toContain("C \u001b[32m90%\u001b[0m")
    expect(line(outcomes, { color: true, warnAt: 55 })).toContain("B \u001b[31m40%\u001b[0m")
  })

  it("the percent in the language's own form", () => {
    expect(line([reported("a", "A", [window(25)])], { lang: "fr" })).toBe("A 75\u202f%")
  })
})

describe("--watch's stale answer in text", () => {
  it("a platform shown from an earlier answer says so, with its age, in every language asked", () => {
    const outcomes = [reported("kimi", "Kimi for Coding", [window(20)]), reported("zai", "Z.ai", [window(30)])]
    const stale = new Map([["kimi", NOW - 3 * 60_000]])
    const en = renderText(result(outcomes), { lang: "en", color: false, stale })
    expect(en).toContain("Kimi for Coding · a\n  not asked again yet (it asked to wait): answer from 3m ago")
    expect(en.split("\n").filter((l) => l.includes("not asked again"))).toHaveLength(1)
    expect(renderText(result(outcomes), { lang: "ko", color: false, stale })).toContain("3분 전 결과")
  })
})

describe("thresholds and exit codes", () => {
  const low = result([reported("a", "A", [window(95)])])
  it("--fail-under: 3 when a window has less left; not when at or above; unlimited never counts", () => {
    expect(exitCode(low, null)).toBe(0)
    expect(exitCode(low, 10)).toBe(3)
    expect(exitCode(low, 5)).toBe(0)
    expect(exitCode(result([reported("a", "A", [window(100, { unlimited: true })])]), 50)).toBe(0)
  })

  it("1 (a provider failed) wins over 3; 2 when nothing is configured", () => {
    expect(exitCode(result([reported("a", "A", [window(95)]), failed("b", "B")]), 10)).toBe(1)
    expect(exitCode(result([]), 10)).toBe(2)
  })

  it("the options: defaults, ranges, and --max-age's default by format", () => {
    const parse = (argv: ReadonlyArray<string>) => parseCommandLine(argv, [], 10)
    expect(parse([])).toMatchObject({ _tag: "Run", format: "text", warnAt: 80, failUnder: null, watchSeconds: null, maxAgeSeconds: 0, history: true })
    expect(parse(["--format", "line"])).toMatchObject({ format: "line", maxAgeSeconds: 60 })
    expect(parse(["--format=line", "--fresh"])).toMatchObject({ maxAgeSeconds: 0 })
    expect(parse(["--json"])).toMatchObject({ format: "json" })
    expect(parse(["--warn-at", "90", "--fail-under", "10", "--no-history", "--max-age", "5"])).toMatchObject({
      warnAt: 90,
      failUnder: 10,
      history: false,
      maxAgeSeconds: 5
    })
    expect(parse(["--watch"])).toMatchObject({ watchSeconds: 60 })
    expect(parse(["--watch", "45", "--json"])).toMatchObject({ watchSeconds: 45, format: "json" })
    expect(parse(["--watch", "--json"])).toMatchObject({ watchSeconds: 60, format: "json" })
    expect(parse(["--watch", "29"])).toMatchObject({ _tag: "Invalid", problem: { _tag: "OutOfRange", flag: "--watch" } })
    expect(parse(["--warn-at", "101"])).toMatchObject({ _tag: "Invalid", problem: { _tag: "OutOfRange", flag: "--warn-at" } })
    expect(parse(["--fail-under", "ten"])).toMatchObject({ _tag: "Invalid", problem: { _tag: "NotANumber", flag: "--fail-under" } })
    expect(parse(["--format", "xml"])).toMatchObject({ _tag: "Invalid", problem: { _tag: "NotAFormat" } })
    expect(parse(["--json", "--format", "line"])).toMatchObject({ _tag: "Invalid", problem: { _tag: "Conflict" } })
    expect(parse(["doctor", "--format", "line"])).toMatchObject({ _tag: "Invalid", problem: { _tag: "UnknownOption" } })
    for (const other of [["--fail-under", "10"], ["--max-age", "5"], ["--fresh"]]) {
      expect(parse(["--watch", ...other])).toMatchObject({ _tag: "Invalid", problem: { _tag: "Conflict", flag: "--watch", other: other[0] } })
    }
  })

  it("from the built CLI: --format line, --fail-under's exit 3, a failure's exit 1 over it, errors in other languages", async () => {
    const now = Date.now()
    const server = await startFakeServer({ ...happyRoutes(now), "GET /api/v1/credits": { status: 500, body: {} } })
    const home = makeHome()
    seedHome(home, now)
    try {
      const env = { HOME: home.dir, ...baseUrlEnv(server.url) }
      const [lineRun, under, failing, fr] = await Promise.all([
        runCli(["--format", "line", "--provider", "openai,zhipu", "--no-history"], env, "bin"),
        runCli(["--fail-under", "50", "--provider", "openai", "--no-history"], env, "bin"),
        runCli(["--fail-under", "50", "--no-history"], env, "bin"),
        runCli(["--watch", "5", "--lang", "fr"], env, "bin")
      ])
      expect(lineRun.stdout).toMatch(/^OpenAI weekly 19% · Zhipu AI 5h 75%\n$/)
      expect(lineRun.code).toBe(0)
      expect(under.code).toBe(3)
      expect(failing.code).toBe(1)
      expect(failing.stdout).toContain("OpenRouter")
      expect(fr.code).toBe(2)
      expect(fr.stderr).toContain("--watch\u00a0: '5' est hors limites")
    } finally {
      await server.close()
      home.remove()
    }
  })
})

