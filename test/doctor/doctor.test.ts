import { describe, expect, it } from "@effect/vitest"
import { afterEach } from "vitest"
import { claudeCredentials, CREDENTIALS_PATH as CLAUDE_CREDENTIALS } from "../providers/claude/fixtures.js"
import { PATHS as GLM_PATHS, ZAI_ENTRY, ZHIPU_ENTRY } from "../providers/glm/fixtures.js"
import { CHINA_ENTRY } from "../providers/minimax/fixtures.js"
import { copilotEntry, PATHS as COPILOT_PATHS } from "../providers/copilot/fixtures.js"
import { ACCOUNTS_PATH, googleAccount, googleAccountsFile, PATHS as GOOGLE_PATHS } from "../providers/google/fixtures.js"
import { openaiEntry, PATH as OPENAI_PATH } from "../providers/openai/fixtures.js"
import { type CliRun, runCli } from "../support/cli.js"
import { type FakeServer, type Routes, startFakeServer } from "../support/FakeServer.js"
import { baseUrlEnv, FIXTURE_SECRETS, happyRoutes, seedHome } from "../support/fixtures.js"
import { AUTH_JSON, makeHome } from "../support/Home.js"

/**
 * `mystatus doctor`, one temporary home per FAQ case (plus a healthy and an empty one), through the CLI as a user
 * runs it: the case is named (the JSON tag) and its fix given, in text and JSON, in English and Chinese, and the
 * home is left byte for byte as it was. The built bin (`npm test` builds it first): four runs per case from source
 * would take minutes.
 */

interface JsonCheck {
  readonly source: string
  readonly provider: string
  readonly id: string
  readonly status: "ok" | "warn" | "fail" | "info"
  readonly tag: string
  readonly message: string
  readonly fix: string | null
}
interface JsonDoctor {
  readonly problems: number
  readonly warnings: number
  readonly checks: ReadonlyArray<JsonCheck>
}

const cleanup: Array<() => unknown> = []
afterEach(async () => {
  for (const undo of cleanup.splice(0)) await undo()
})

interface Case {
  /** auth.json: entries, raw text, or none. */
  readonly auth?: object | string
  readonly files?: Readonly<Record<string, object | string>>
  readonly routes?: Routes
  readonly seeded?: boolean
}

const HOUR = 3600_000

/** Runs doctor four ways (text and JSON, en and zh-CN) on one home, and checks that it wrote nothing. */
const doctor = async (setup: Case, args: ReadonlyArray<string> = []) => {
  const home = makeHome()
  const server: FakeServer = await startFakeServer(setup.routes ?? happyRoutes(Date.now()))
  cleanup.push(() => server.close(), home.remove)
  if (setup.seeded === true) seedHome(home, Date.now())
  if (setup.auth !== undefined) home.write(AUTH_JSON, setup.auth)
  for (const [path, content] of Object.entries(setup.files ?? {})) home.write(path, content)
  const before = home.snapshot()
  const env = { HOME: home.dir, ...baseUrlEnv(server.url) }
  const [en, zh, enJson, zhJson] = await Promise.all([
    runCli(["doctor", ...args], env, "bin"),
    runCli(["doctor", "--lang", "zh-CN", ...args], env, "bin"),
    runCli(["doctor", "--json", ...args], env, "bin"),
    runCli(["doctor", "--json", "--lang", "zh-CN", ...args], env, "bin")
  ])
  expect(home.snapshot()).toEqual(before)
  for (const run of [en, zh, enJson, zhJson]) {
    expect(run.stderr).toBe("")
    for (const secret of FIXTURE_SECRETS) expect(run.stdout).not.toContain(secret)
  }
  const parse = (run: CliRun) => JSON.parse(run.stdout) as JsonDoctor
  return { home, en, zh, json: parse(enJson), zhJson: parse(zhJson), codes: [en.code, zh.code, enJson.code, zhJson.code] }
}

const failing = (json: JsonDoctor) => json.checks.filter((check) => check.status === "fail")

describe("mystatus doctor", () => {
  it("a healthy home: every check passes, each account answered, exit 0", async () => {
    const { codes, en, json, zh } = await doctor({ seeded: true })
    expect(codes).toEqual([0, 0, 0, 0])
    expect(failing(json)).toEqual([])
    expect(json.checks.filter((check) => check.id === "live").length).toBeGreaterThanOrEqual(10)
    expect(json.checks.filter((check) => check.id === "live").every((check) => check.tag === "Answered")).toBe(true)
    expect(json.checks).toContainEqual(expect.objectContaining({ id: "ignored", tag: "Ignored", status: "info" }))
    expect(en.stdout).toContain("✓ OpenAI · dev@example.com: Live query answered")
    expect(en.stdout).toContain("· OpenCode credentials: Entry \"deepseek\" is not read by mystatus (ignored)")
    expect(en.stdout.trimEnd().split("\n").at(-1)).toBe("No problems found")
    expect(zh.stdout.trimEnd().split("\n").at(-1)).toBe("未发现问题")
    // The base URL overrides the fake server needs are in effect, and said so.
    expect(json.checks).toContainEqual(expect.objectContaining({ id: "env", tag: "Override", provider: "environment" }))
  })

  it("an empty home: every file not used, nothing configured (FAQ 2), exit 1", async () => {
    const { codes, en, json, zh } = await doctor({})
    expect(codes).toEqual([1, 1, 1, 1])
    expect(json.checks.filter((check) => check.id === "found").every((check) => check.tag === "NotUsed")).toBe(true)
    expect(failing(json).map((check) => check.tag)).toEqual(["NothingConfigured"])
    expect(failing(json)[0]!.fix).toContain("opencode auth login")
    expect(en.stdout).toContain("✗ OpenCode credentials: No configured accounts found")
    expect(en.stdout).toContain("Fix: Log in to a platform in OpenCode (opencode auth login)")
    expect(en.stdout).toContain("1 problem found")
    expect(zh.stdout).toContain("未找到任何已配置的账号")
    expect(zh.stdout).toContain("发现 1 个问题")
  })

  it("FAQ 1: auth.json unreadable (a directory) or not JSON (line and column): ✗, never a crash", async () => {
    const dir = await doctor({ files: { [`${AUTH_JSON}/x`]: "{}" } })
    expect(dir.codes).toEqual([1, 1, 1, 1])
    expect(failing(dir.json)[0]).toMatchObject({ provider: "opencode", id: "readable", tag: "AuthFileUnreadable" })
    expect(dir.en.stdout).toMatch(/✗ OpenCode credentials: .*directory/)

    const broken = await doctor({ auth: '{\n  "openai": {"type": "oauth",,}\n}' })
    expect(broken.codes).toEqual([1, 1, 1, 1])
    const check = failing(broken.json)[0]!
    expect(check).toMatchObject({ id: "readable", tag: "AuthFileUnreadable" })
    expect(check.message).toContain("2")
    expect(broken.en.stdout).toMatch(/line 2, column \d+/)
    expect(broken.zhJson.checks.find((c) => c.id === "readable")!.fix).not.toBeNull()
    // Never the file's contents.
    expect(broken.en.stdout).not.toContain('"type": "oauth"')
  })

  it("FAQ 2: an entry of the wrong type names the field the platform needs", async () => {
    const { codes, en, json, zh } = await doctor({ auth: { "zhipuai-coding-plan": { type: "oauth", access: "x" } } }, ["--offline"])
    expect(codes).toEqual([1, 1, 1, 1])
    const check = failing(json).find((c) => c.provider === "zhipu")!
    expect(check).toMatchObject({ id: "entries", tag: "CredentialsInvalid" })
    expect(en.stdout).toContain('✗ Zhipu AI: Invalid credentials in the "zhipuai-coding-plan" entry')
    expect(en.stdout).toContain("type")
    expect(zh.stdout).toContain("✗ Zhipu AI：")
  })

  it("FAQ 3: an expired OpenAI token is a warning offline and the live check's failure, with the refresh step", async () => {
    const now = Date.now()
    const auth = { openai: { ...openaiEntry(now), expires: now - 2 * HOUR } }
    const offline = await doctor({ auth }, ["--offline"])
    expect(offline.json.checks).toContainEqual(expect.objectContaining({ provider: "openai", id: "token", status: "warn", tag: "TokenExpired" }))
    expect(offline.en.stdout).toContain("⚠ OpenAI: OpenAI access token expired 2h 0m ago")
    expect(offline.en.stdout).toContain("Fix: Use an OpenAI model once in OpenCode to refresh it")
    expect(offline.codes).toEqual([0, 0, 0, 0])

    const live = await doctor({ auth })
    expect(live.codes).toEqual([1, 1, 1, 1])
    expect(failing(live.json)).toEqual([expect.objectContaining({ provider: "openai", id: "live", tag: "TokenExpired" })])
    expect(live.zh.stdout).toContain("✗ OpenAI")
  })

  it("FAQ 3 for Claude: Claude Code's own login, expired, is a warning offline with the `claude` step; valid, its expiry", async () => {
    const now = Date.now()
    const expired = await doctor({ files: { [CLAUDE_CREDENTIALS]: claudeCredentials(now, undefined, { expiresAt: now - 3 * HOUR }) } }, ["--offline"])
    expect(expired.codes).toEqual([0, 0, 0, 0])
    expect(expired.json.checks).toContainEqual(expect.objectContaining({ provider: "claude", id: "token", status: "warn", tag: "TokenExpired" }))
    expect(expired.en.stdout).toContain("⚠ Claude · Claude Code: Claude access token expired 3h 0m ago")
    expect(expired.en.stdout).toContain("Fix: Run `claude` once")
    expect(expired.zh.stdout).toContain("请运行一次 `claude`")
    expect(expired.en.stdout.trimEnd().split("\n").at(-1)).toBe("No problems; 1 warning")

    const valid = await doctor({ files: { [CLAUDE_CREDENTIALS]: claudeCredentials(now) } }, ["--offline"])
    expect(valid.json.checks).toContainEqual(expect.objectContaining({ provider: "claude", id: "token", status: "ok", tag: "ExpiresIn" }))
    expect(valid.en.stdout).toMatch(/✓ Claude: "Claude Code" token expires in (7h 59m|8h 0m)/)
  })

  it("a token still valid says when it expires", async () => {
    const now = Date.now()
    const { en, json } = await doctor({ auth: { openai: { ...openaiEntry(now), expires: now + 5 * HOUR } } }, ["--offline"])
    expect(json.checks).toContainEqual(expect.objectContaining({ provider: "openai", id: "token", status: "ok", tag: "ExpiresIn" }))
    expect(en.stdout).toMatch(/✓ OpenAI: "openai" token expires in 4h 59m|5h 0m/)
  })

  it("FAQ 4: 401 on the live check, with the platform's re-authorisation step", async () => {
    const now = Date.now()
    const { codes, en, json } = await doctor({
      auth: { openai: openaiEntry(now) },
      routes: { ...happyRoutes(now), [`GET ${OPENAI_PATH}`]: { status: 401, body: { detail: "nope" } } }
    })
    expect(codes).toEqual([1, 1, 1, 1])
    expect(failing(json)).toEqual([expect.objectContaining({ provider: "openai", id: "live", tag: "HttpError" })])
    expect(failing(json)[0]!.fix).toContain("re-authorize")
    expect(en.stdout).toContain("401")
  })

  it("FAQ 4: 429 says when to retry (Retry-After), 5xx that it is the platform's side", async () => {
    const now = Date.now()
    const { codes, en, json } = await doctor({
      auth: { openai: openaiEntry(now), "zai-coding-plan": ZAI_ENTRY },
      routes: {
        ...happyRoutes(now),
        [`GET ${OPENAI_PATH}`]: { status: 429, headers: { "retry-after": "120" }, body: { detail: "slow down" } },
        [`GET ${GLM_PATHS.zai}`]: { status: 503, body: "down" }
      }
    })
    expect(codes).toEqual([1, 1, 1, 1])
    expect(failing(json).map((check) => [check.provider, check.tag])).toEqual([["openai", "HttpError"], ["zai", "HttpError"]])
    expect(en.stdout).toContain("Rate limited: wait 2m and try again.")
    expect(en.stdout).toContain("Z.ai has a temporary problem; try again later.")
    expect(en.stdout).toContain("2 problems found")
  })

  it("FAQ 5: a server that never answers is a timeout within --timeout", async () => {
    const now = Date.now()
    const started = Date.now()
    const { codes, en, json, zh } = await doctor({
      auth: { "zai-coding-plan": ZAI_ENTRY },
      routes: { ...happyRoutes(now), [`GET ${GLM_PATHS.zai}`]: { hang: true } }
    }, ["--timeout", "2"])
    expect(Date.now() - started).toBeLessThan(15_000)
    expect(codes).toEqual([1, 1, 1, 1])
    expect(failing(json)).toEqual([expect.objectContaining({ provider: "zai", id: "live", tag: "Timeout" })])
    expect(en.stdout).toContain("--timeout")
    expect(zh.stdout).toContain("✗ Z.ai")
  })

  it("FAQ 6: Copilot's login that cannot read the quota API gives the PAT steps", async () => {
    const now = Date.now()
    const { codes, en, json } = await doctor({
      auth: { "github-copilot": copilotEntry() },
      routes: {
        ...happyRoutes(now),
        [`GET ${COPILOT_PATHS.user}`]: { status: 403, body: { message: "Forbidden" } },
        [`GET ${COPILOT_PATHS.token}`]: { status: 403, body: { message: "Forbidden" } }
      }
    })
    expect(codes).toEqual([1, 1, 1, 1])
    expect(failing(json)).toEqual([expect.objectContaining({ provider: "copilot", id: "live", tag: "CopilotQuotaUnavailable" })])
    expect(failing(json)[0]!.fix).toContain("copilot-quota-token.json")
    expect(en.stdout).toContain("✗ GitHub Copilot")
  })

  it("FAQ 6: a PAT file without its fields is named field by field", async () => {
    const { codes, json } = await doctor({ files: { ".config/opencode/copilot-quota-token.json": { token: "x" } } }, ["--offline"])
    expect(codes).toEqual([1, 1, 1, 1])
    const check = failing(json).find((c) => c.provider === "copilot")!
    expect(check).toMatchObject({ tag: "CredentialsInvalid", id: "entries" })
    expect(check.message).toContain("username")
  })

  it("FAQ 7: a Google account without a project, when the platform assigns none", async () => {
    const now = Date.now()
    const { codes, json, zh } = await doctor({
      files: { [ACCOUNTS_PATH]: googleAccountsFile([googleAccount("unassigned", { email: "u@example.com" })]) },
      routes: happyRoutes(now)
    })
    expect(codes).toEqual([1, 1, 1, 1])
    expect(failing(json)).toEqual([expect.objectContaining({ provider: "google", id: "live", tag: "MissingProjectId" })])
    expect(failing(json)[0]!.fix).toContain("antigravity-accounts.json")
    expect(zh.stdout).toContain("✗ Google")
    void GOOGLE_PATHS
  })

  it("FAQ 8: a key with a newline (offline), and Zhipu's code ≠ 200 inside a 200 (live)", async () => {
    const spaced = await doctor({ auth: { "zhipuai-coding-plan": { type: "api", key: `${ZHIPU_ENTRY.key}\n` } } }, ["--offline"])
    expect(spaced.codes).toEqual([1, 1, 1, 1])
    expect(failing(spaced.json)).toEqual([expect.objectContaining({ provider: "zhipu", tag: "CredentialsInvalid" })])
    expect(spaced.en.stdout).toContain("without surrounding whitespace or newlines")

    const now = Date.now()
    const refused = await doctor({
      auth: { "zhipuai-coding-plan": ZHIPU_ENTRY },
      routes: { ...happyRoutes(now), [`GET ${GLM_PATHS.zhipu}`]: { body: { code: 1001, msg: "Token invalid", success: false } } }
    })
    expect(refused.codes).toEqual([1, 1, 1, 1])
    expect(failing(refused.json)).toEqual([expect.objectContaining({ provider: "zhipu", id: "live", tag: "ApiError" })])
    expect(refused.en.stdout).toContain("1001")
  })

  it("one platform in use: the others share one line; API-key platforms say which entry is read; the summary names who fails", async () => {
    const now = Date.now()
    const { codes, en, json, zh } = await doctor({
      auth: { "zai-coding-plan": ZAI_ENTRY, "minimax-cn-coding-plan": CHINA_ENTRY },
      routes: { ...happyRoutes(now), [`GET ${GLM_PATHS.zai}`]: { status: 401, body: {} } }
    })
    expect(codes).toEqual([1, 1, 1, 1])
    const lines = en.stdout.trimEnd().split("\n")
    expect(lines).toContain("· Z.ai: Reads the \"zai-coding-plan\" entry")
    expect(lines).toContain("· MiniMax: Reads the \"minimax-cn-coding-plan\" entry: its key must come from minimaxi.com")
    const unused = lines.filter((line) => line.includes("Not configured"))
    expect(unused).toEqual([
      "· Not configured: OpenAI, Claude, Zhipu AI, GitHub Copilot, Google Antigravity, Kimi for Coding, OpenCode Go, OpenRouter"
    ])
    // In JSON every platform keeps its own check.
    expect(json.checks.filter((check) => check.tag === "NotConfigured").map((check) => check.provider)).toHaveLength(8)
    expect(lines.at(-1)).toBe("1 problem found: Z.ai · 5b1e****Z7QX")
    expect(zh.stdout.trimEnd().split("\n").at(-1)).toBe("发现 1 个问题：Z.ai · 5b1e****Z7QX")
    expect(zh.stdout).toContain("· 未配置：OpenAI、Claude")
  })

  it("a MYSTATUS_* setting is named as set, an address override as sending queries elsewhere, never their values", async () => {
    const home = makeHome()
    cleanup.push(home.remove)
    home.write(AUTH_JSON, { "zai-coding-plan": ZAI_ENTRY })
    const { stdout } = await runCli(["doctor", "--offline"], {
      HOME: home.dir,
      MYSTATUS_CLAUDE_KEYCHAIN: "off",
      MYSTATUS_ZAI_BASE_URL: "http://127.0.0.1:9/secret-path"
    })
    expect(stdout).toContain("· Environment: MYSTATUS_CLAUDE_KEYCHAIN is set\n")
    expect(stdout).toContain("· Environment: MYSTATUS_ZAI_BASE_URL is set: queries go to its address")
    expect(stdout).not.toContain("secret-path")
  })

  it("plain marks when NO_COLOR is set; the variables that chose a path and the proxy in effect are said", async () => {
    const home = makeHome()
    cleanup.push(home.remove)
    const data = `${home.dir}/data`
    home.write("data/opencode/auth.json", { "zai-coding-plan": ZAI_ENTRY })
    const { code, stdout } = await runCli(["doctor", "--offline"], {
      HOME: home.dir,
      XDG_DATA_HOME: data,
      NO_COLOR: "1",
      HTTPS_PROXY: "http://127.0.0.1:9",
      NO_PROXY: "localhost,example.com"
    })
    expect(code).toBe(0)
    expect(stdout).toContain(`[ok] OpenCode credentials: Found: ${data}/opencode/auth.json (chosen by XDG_DATA_HOME)`)
    expect(stdout).toContain("[info] Environment: Proxy in effect: HTTPS_PROXY (NO_PROXY exempts localhost, example.com)")
    expect(stdout).not.toMatch(/[✓⚠✗]/)
  })

  it("the normal report points at mystatus doctor when something failed, and when nothing is configured", async () => {
    const now = Date.now()
    const server = await startFakeServer({ ...happyRoutes(now), [`GET ${OPENAI_PATH}`]: { status: 401, body: {} } })
    const failing = makeHome()
    const empty = makeHome()
    cleanup.push(() => server.close(), failing.remove, empty.remove)
    failing.write(AUTH_JSON, { openai: openaiEntry(now) })
    const [failed, nothing, zh] = await Promise.all([
      runCli([], { HOME: failing.dir, ...baseUrlEnv(server.url) }, "bin"),
      runCli([], { HOME: empty.dir }, "bin"),
      runCli(["--lang", "zh-CN"], { HOME: empty.dir }, "bin")
    ])
    expect(failed.code).toBe(1)
    expect(failed.stdout.trimEnd().split("\n").at(-1)).toBe("Run mystatus doctor to check the setup step by step.")
    expect(nothing.code).toBe(2)
    expect(nothing.stdout.trimEnd().split("\n").at(-1)).toBe("Run mystatus doctor to check the setup step by step.")
    expect(zh.stdout.trimEnd().split("\n").at(-1)).toBe("运行 mystatus doctor 逐项检查配置。")
  })

  it("--offline and --provider are refused where they do not belong", async () => {
    const home = makeHome()
    cleanup.push(home.remove)
    const [offline, provider] = await Promise.all([
      runCli(["--offline"], { HOME: home.dir }),
      runCli(["doctor", "--provider", "openai"], { HOME: home.dir })
    ])
    expect(offline.code).toBe(2)
    expect(offline.stderr).toContain("--offline")
    expect(provider.code).toBe(2)
    expect(provider.stderr).toContain("--provider")
  })
})
