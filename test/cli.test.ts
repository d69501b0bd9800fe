import { describe, expect, it } from "@effect/vitest"
import { Schema } from "effect"
import { afterEach } from "vitest"
import pkg from "../package.json" with { type: "json" }
import { type JsonProvider, JsonReport } from "../src/schema/json.js"
import { execFile } from "node:child_process"
import { existsSync } from "node:fs"
import { stringWidth } from "../src/render/text.js"
import { BIN, runCli, spawnCli } from "./support/cli.js"
import { type FakeServer, startFakeServer } from "./support/FakeServer.js"
import { glmFailure, PATHS as GLM_PATHS, ZAI_ENTRY } from "./providers/glm/fixtures.js"
import { PATH as OPENAI_PATH } from "./providers/openai/fixtures.js"
import {
  authEntries,
  baseUrlEnv,
  credentialFilesOf,
  FIXTURE_SECRETS,
  fullRun,
  happyRoutes,
  REGISTERED_IDS,
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

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")

const expectNoSecrets = (...outputs: ReadonlyArray<string>) => {
  for (const secret of FIXTURE_SECRETS) for (const output of outputs) expect(output).not.toContain(secret)
}

describe("mystatus CLI", () => {
  it("--json prints contract v1 with the right percentages and reset times, exit 0", async () => {
    const now = Date.now()
    const { env, home } = await setup(happyRoutes(now))
    const before = home.snapshot()
    const { code, stderr, stdout } = await runCli(["--json"], env)
    expect(stderr).toBe("")
    expect(code).toBe(0)
    const report = Schema.decodeUnknownSync(JsonReport)(JSON.parse(stdout))
    // Every account of every provider, in the registry's order, each as its fixtures say.
    const expected = fullRun(now)
    expect(report.providers.map((p) => [p.id, p.status, p.account])).toEqual(expected.map((a) => [a.id, "ok", a.account]))
    report.providers.forEach((provider, i) => {
      for (const [field, value] of Object.entries(expected[i]!.json)) {
        expect(provider[field as keyof JsonProvider], `${provider.id} · ${provider.account}: ${field}`).toEqual(value)
      }
    })
    expectNoSecrets(stdout, stderr)
    expect(home.snapshot()).toEqual(before)
  })

  it("failures are listed with their fixes while the others still report, exit 1", async () => {
    const now = Date.now()
    const entries = authEntries(now)
    const { env } = await setup(
      { ...happyRoutes(now), [`GET ${GLM_PATHS.zhipu}`]: { body: glmFailure } },
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
    const { env } = await setup({ ...happyRoutes(now), [`GET ${OPENAI_PATH}`]: { status: 401, body: { detail: "nope" } } })
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

  describe("bad arguments: exit 2 and one line on stderr naming the flag, the value and what is accepted", () => {
    const IDS = REGISTERED_IDS.join(", ")
    const SEE = "(see mystatus --help)"
    const cases: ReadonlyArray<readonly [ReadonlyArray<string>, string]> = [
      [["--timeout", "abc"], `mystatus: --timeout: 'abc' is not a whole number of seconds from 1 to 3600 ${SEE}`],
      [["--timeout=1.5"], `mystatus: --timeout: '1.5' is not a whole number of seconds from 1 to 3600 ${SEE}`],
      [["--timeout", "-5"], `mystatus: --timeout: '-5' is not a whole number of seconds from 1 to 3600 ${SEE}`],
      [["--timeout", "0"], `mystatus: --timeout: '0' is out of range; expected a whole number of seconds from 1 to 3600 ${SEE}`],
      [["--timeout"], `mystatus: --timeout: needs a value, a whole number of seconds from 1 to 3600 ${SEE}`],
      [["--provider", "nope"], `mystatus: --provider: 'nope' is not a provider; expected one of: ${IDS} ${SEE}`],
      [["--provider", "copilot,nope"], `mystatus: --provider: 'nope' is not a provider; expected one of: ${IDS} ${SEE}`],
      [["--provider"], `mystatus: --provider: needs a value, one of: ${IDS} ${SEE}`],
      [["--provider="], `mystatus: --provider: needs a value, one of: ${IDS} ${SEE}`],
      [["--provider", "--json"], `mystatus: --provider: needs a value, one of: ${IDS} ${SEE}`],
      [["--lang", "xx"], `mystatus: --lang: 'xx' is not a language; expected one of: en, zh-CN, zh-TW, fr, ko ${SEE}`],
      [["--lang"], `mystatus: --lang: needs a value, one of: en, zh-CN, zh-TW, fr, ko ${SEE}`],
      [
        ["--bogus"],
        `mystatus: --bogus: unknown option; expected one of: --json, --format, --provider, --timeout, --lang, --no-color, --warn-at, --fail-under, --watch, --max-age, --fresh, --no-history, --help, --version ${SEE}`
      ],
      [["-x"], `mystatus: -x: unknown option; expected one of: --json, --format, --provider, --timeout, --lang, --no-color, --warn-at, --fail-under, --watch, --max-age, --fresh, --no-history, --help, --version ${SEE}`],
      // @effect/cli's built-ins are gone: --wizard hung without a terminal, --log-level printed nothing.
      [["--wizard"], `mystatus: --wizard: unknown option; expected one of: --json, --format, --provider, --timeout, --lang, --no-color, --warn-at, --fail-under, --watch, --max-age, --fresh, --no-history, --help, --version ${SEE}`],
      [["--log-level", "debug"], `mystatus: --log-level: unknown option; expected one of: --json, --format, --provider, --timeout, --lang, --no-color, --warn-at, --fail-under, --watch, --max-age, --fresh, --no-history, --help, --version ${SEE}`],
      [["--lang", "zh_TW.UTF-8", "--bogus"], `mystatus：--bogus：未知的選項；可用的選項：--json、--format、--provider、--timeout、--lang、--no-color、--warn-at、--fail-under、--watch、--max-age、--fresh、--no-history、--help、--version（請參閱 mystatus --help）`],
      [["--json=yes"], `mystatus: --json: takes no value, but was given 'yes' ${SEE}`],
      [["copilot"], `mystatus: 'copilot': unexpected argument; to ask only this provider, use --provider copilot ${SEE}`],
      [["--json", "--", "stuff"], `mystatus: 'stuff': unexpected argument; mystatus takes options only ${SEE}`],
      // A control character is shown escaped, never sent to the terminal.
      [["--lang", "\u001b[31mzh"], `mystatus: --lang: '\\u001b[31mzh' is not a language; expected one of: en, zh-CN, zh-TW, fr, ko ${SEE}`],
      // In the language asked for, even when --lang comes after the mistake.
      [["--timeout", "abc", "--lang", "zh"], "mystatus：--timeout：'abc' 不是 1 到 3600 之间的整数秒数（参见 mystatus --help）"],
      [["--lang", "zh", "--provider", "nope"], `mystatus：--provider：'nope' 不是可查询的平台；应为以下之一：${REGISTERED_IDS.join("、")}（参见 mystatus --help）`]
    ]

    it("from the bundled bin", async () => {
      const home = makeHome()
      cleanup.push(home.remove)
      const runs = await Promise.all(cases.map(([args]) => runCli(args, { HOME: home.dir }, "bin")))
      runs.forEach((run, i) => {
        const [args, line] = cases[i]!
        expect({ code: run.code, stdout: run.stdout, stderr: run.stderr }, args.join(" ")).toEqual({ code: 2, stdout: "", stderr: `${line}\n` })
      })
    })

    it("from source, in the environment's language", async () => {
      const home = makeHome()
      cleanup.push(home.remove)
      const [english, chinese] = await Promise.all([
        runCli(["--provider", "nope"], { HOME: home.dir }),
        runCli(["--provider", "nope"], { HOME: home.dir, LANG: "zh_CN.UTF-8" })
      ])
      expect(english).toEqual({ code: 2, stdout: "", stderr: `${cases[5]![1]}\n` })
      expect(chinese.code).toBe(2)
      expect(chinese.stderr).toBe(`${cases.at(-1)![1]}\n`)
    })
  })

  it("--help anywhere on the line, even after a mistake; --version alone", async () => {
    const home = makeHome()
    cleanup.push(home.remove)
    const env = { HOME: home.dir }
    const [help, late, afterMistake, short, version, versionLate] = await Promise.all([
      runCli(["--help"], env, "bin"),
      runCli(["--json", "--help"], env, "bin"),
      runCli(["--provider", "nope", "--help"], env, "bin"),
      runCli(["--lang", "zh", "-h"], env, "bin"),
      runCli(["--version"], env, "bin"),
      runCli(["--json", "--provider", "zai", "--version"], env, "bin")
    ])
    for (const run of [help, late, afterMistake, short]) {
      expect(run.code).toBe(0)
      expect(run.stderr).toBe("")
      expect(run.stdout).toBe(help.stdout)
    }
    expect(help.stdout, "no colour when stdout is not a terminal").not.toContain("\u001b[")
    expect(help.stdout).toContain(
      "Usage:\n  mystatus [--format text|json|line] [--provider NAME[,NAME...]]... [--timeout SECONDS] [--lang en|zh-CN|zh-TW|fr|ko] [--no-color]\n"
    )
    expect(help.stdout).toContain("  3    --fail-under: a window has less left than asked (1 wins when a provider also failed)\n")
    expect(help.stdout).toMatch(/--timeout SECONDS +How long each account may take, 1 to 3600\. Default: 10\./)
    expect(help.stdout).toContain(`NAME: ${REGISTERED_IDS.join(", ")}`)
    for (const [code, meaning] of [["0", "answered"], ["1", "a provider failed"], ["2", "nothing is configured"], ["130", "SIGINT"], ["143", "SIGTERM"]]) {
      expect(help.stdout).toMatch(new RegExp(`\\n  ${code} +.*${meaning}`))
    }
    const baseUrls = Object.keys(baseUrlEnv("http://127.0.0.1"))
    for (const variable of ["LC_ALL", "NO_COLOR", "XDG_DATA_HOME", "OPENCODE_CONFIG_DIR", "HTTPS_PROXY", "NO_PROXY", ...baseUrls]) {
      expect(help.stdout).toContain(variable)
    }
    // Where credentials are read, as resolved here, with the providers that read each file.
    for (const file of credentialFilesOf(0)) {
      expect(help.stdout).toMatch(new RegExp(`\\n  ${escapeRegExp(`${home.dir}/${file.path}`)} +${file.readers.join(", ")}\\n`))
    }
    expect(help.stdout).toContain("Examples:\n  mystatus ")
    expect(help.stdout).not.toMatch(/true or false|A user-defined/i)
    expect(version).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: "" })
    expect(versionLate).toEqual(version)
  })

  it("--provider takes ids, display names and aliases, repeated, as --provider=NAME or as a comma list", async () => {
    const { env } = await setup()
    const ids = async (...args: ReadonlyArray<string>) => {
      const run = await runCli(["--json", ...args], env, "bin")
      expect(run.stderr, args.join(" ")).toBe("")
      return Schema.decodeUnknownSync(JsonReport)(JSON.parse(run.stdout)).providers.map((p) => p.id)
    }
    const [equals, list, alias, repeated, name] = await Promise.all([
      ids("--provider=copilot"),
      ids("--provider", "copilot,google"),
      ids("--provider", "codex"),
      ids("--provider", "zai", "--provider=zhipu", "--provider", "z.ai"),
      ids("--provider", "GitHub Copilot")
    ])
    expect(equals).toEqual(["copilot"])
    expect(list).toEqual(["copilot", "google", "google"])
    expect(alias).toEqual(["openai"])
    expect(repeated).toEqual(["zhipu", "zai"])
    expect(name).toEqual(["copilot"])
  })

  it("a provider asked for by name but not configured is said so, in text and JSON", async () => {
    const now = Date.now()
    const { env, home } = await setup(happyRoutes(now), { "zai-coding-plan": ZAI_ENTRY })
    const [text, json] = await Promise.all([
      runCli(["--provider", "zai,copilot"], env, "bin"),
      runCli(["--json", "--provider", "zai,copilot"], env, "bin")
    ])
    expect(text.stdout).toContain("Z.ai · 5b1e****Z7QX")
    expect(text.stdout).toContain(
      `GitHub Copilot: not configured (looked for the "github-copilot" entry in ${home.dir}/.local/share/opencode/auth.json, ${home.dir}/.config/opencode/copilot-quota-token.json (no such file))`
    )
    expect(JSON.parse(json.stdout).notConfigured).toEqual([{
      id: "copilot",
      name: "GitHub Copilot",
      lookedAt: [`${home.dir}/.local/share/opencode/auth.json`, `${home.dir}/.config/opencode/copilot-quota-token.json`]
    }])
  })

  describe("signals and hangs", () => {
    /** Z.ai's quota route never answers; `seen` resolves when the request has arrived (the run is under way). */
    const hanging = async () => {
      let arrived: (at: number) => void = () => {}
      const seen = new Promise<number>((resolve) => void (arrived = resolve))
      const now = Date.now()
      const { env, server } = await setup({
        ...happyRoutes(now),
        [`GET ${GLM_PATHS.zai}`]: () => {
          arrived(Date.now())
          return { hang: true }
        }
      })
      return { env, seen, server }
    }
    const gone = (pid: number) => {
      try {
        process.kill(pid, 0)
        return false
      } catch (error) {
        return (error as NodeJS.ErrnoException).code === "ESRCH"
      }
    }

    for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143]] as const) {
      it(`${signal} during a run exits ${code}, prints nothing, and leaves nothing behind`, async () => {
        const { env, seen } = await hanging()
        const cli = spawnCli(["--provider", "zai", "--timeout", "30"], env)
        cleanup.push(() => void (cli.child.exitCode === null && cli.child.kill("SIGKILL")))
        await seen
        const sentAt = Date.now()
        cli.child.kill(signal)
        const ended = await cli.done
        expect({ code: ended.code, signal: ended.signal, stdout: ended.stdout, stderr: ended.stderr }).toEqual({
          code,
          signal: null,
          stdout: "",
          stderr: ""
        })
        // Not the 30 s timeout: the request in flight was abandoned at once.
        expect(ended.endedAt - sentAt).toBeLessThan(5000)
        expect(gone(cli.child.pid!)).toBe(true)
      })
    }

    it("a provider that hangs costs --timeout, and the process exits within a second after it", async () => {
      const { env, seen } = await hanging()
      const cli = spawnCli(["--provider", "zai,zhipu", "--timeout", "1"], env)
      cleanup.push(() => void (cli.child.exitCode === null && cli.child.kill("SIGKILL")))
      const [askedAt, ended] = await Promise.all([seen, cli.done])
      expect(ended.code).toBe(1)
      expect(ended.stdout).toContain("Zhipu AI · 9c89****AQVM")
      expect(ended.stdout).toContain("✗ Z.ai · 5b1e****Z7QX: Request timeout (1s)")
      expect(ended.stderr).toBe("")
      expect(ended.endedAt - askedAt).toBeGreaterThanOrEqual(900)
      expect(ended.endedAt - askedAt).toBeLessThan(2000)
    })
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
    // no-color.org: only a non-empty value turns colour off.
    expect(await onTerminal(bin, { NO_COLOR: "" })).toContain("\u001b[32m")
    expect(await onTerminal(`${bin} --no-color`)).not.toContain("\u001b[")
    // On a terminal, lines fit its width: Copilot's label is cut and its counts left out at 50 columns.
    const narrow = (await onTerminal(`stty cols 50; ${bin.replace("zai", "copilot")} --no-color`)).replace(/\r/g, "")
    expect(narrow).toContain("\n  Premium…  ")
    for (const line of narrow.trimEnd().split("\n")) expect(stringWidth(line), line).toBeLessThanOrEqual(50)
    // Not on a terminal, the same report keeps whole lines.
    expect((await runCli(["--provider", "copilot"], env, "bin")).stdout).toContain("Premium requests  ")
  })

  it("--lang zh speaks Chinese", async () => {
    const { env } = await setup()
    const { stdout } = await runCli(["--lang", "zh", "--provider", "zhipu"], env)
    expect(stdout).toContain("剩余 75%")
  })
})
