import { describe, expect, it } from "@effect/vitest"
import { Effect, TestClock } from "effect"
import { mkdtempSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { keychainService } from "../../../src/providers/claude/keychain.js"
import { describeError } from "../../../src/render/describe.js"
import { toJson } from "../../../src/render/json.js"
import { renderText } from "../../../src/render/text.js"
import type { Outcome, RunResult } from "../../../src/schema/report.js"
import type { Scenario } from "../../support/FakeServer.js"
import { harness, type RunSettings, type Setup } from "../../support/harness.js"
import { errorOf, ids, messageOf, reportOf } from "../../support/outcomes.js"
import { DAY, HOUR } from "../../support/ProviderFixture.js"
import {
  anthropicEntry,
  claudeCredentials,
  claudeTokens,
  claudeUsage,
  CREDENTIALS_PATH,
  MAIN,
  PATH,
  resetMicros,
  resetMs
} from "./fixtures.js"

const MS = 1000
/** A whole second, so that resets written from it land exactly on the countdowns. */
const NOW = Date.UTC(2026, 10, 22, 2, 56, 5)

/** Claude alone: its credentials as given, its endpoint answering `scenario` (the fixture's answer by default). */
const setup = (setup: Setup & RunSettings & { readonly answer?: Scenario }) =>
  harness({
    routes: (now) => ({ [`GET ${PATH}`]: setup.answer ?? { body: claudeUsage(now) } }),
    only: ["claude"],
    ...setup
  })

const fileOnly = (now: number, fields: object = {}) => ({ [CREDENTIALS_PATH]: claudeCredentials(now, MAIN, fields) })
const withBody = (body: unknown) => setup({ files: fileOnly(Date.now()), answer: { body } })

const reportedOutcomes = (result: RunResult) =>
  result.outcomes.filter((o): o is Extract<Outcome, { _tag: "Reported" }> => o._tag === "Reported")

const windowsOf = (result: RunResult) =>
  reportOf(result, "claude").windows.map((w) => [w.scope, w.windowSeconds, w.usedPercent, w.resetsAt?.toISOString() ?? null])

describe("Claude through Claude Code's credentials file", () => {
  it.scopedLive("asks /api/oauth/usage as Claude Code does: bearer token, beta header, claude-code User-Agent", () =>
    Effect.gen(function*() {
      const { result, server } = yield* setup({ files: fileOnly(Date.now()) })
      expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`GET ${PATH}`])
      const { headers } = server.requests[0]!
      expect(headers.authorization).toBe(`Bearer ${MAIN.access}`)
      expect(headers["anthropic-beta"]).toBe("oauth-2025-04-20")
      expect(headers.accept).toBe("application/json")
      expect(headers["user-agent"]).toBe("claude-code/2.1.331")
      const [outcome] = reportedOutcomes(result)
      expect(outcome).toMatchObject({ id: "claude", name: "Claude", accountKey: "claude-code" })
      expect(outcome!.report).toMatchObject({ account: "Claude Code", plan: "Max 20x" })
    }))

  it.scopedLive("MYSTATUS_CLAUDE_CODE_VERSION sets the User-Agent's version; a value that is not one is ignored", () =>
    Effect.gen(function*() {
      const given = yield* setup({ files: fileOnly(Date.now()), env: { MYSTATUS_CLAUDE_CODE_VERSION: "2.2.0" } })
      expect(given.server.requests[0]!.headers["user-agent"]).toBe("claude-code/2.2.0")
      const broken = yield* setup({ files: fileOnly(Date.now()), env: { MYSTATUS_CLAUDE_CODE_VERSION: "2.2.0\r\nX-Injected: 1" } })
      expect(broken.server.requests[0]!.headers["user-agent"]).toBe("claude-code/2.1.331")
      expect(broken.server.requests[0]!.headers["x-injected"]).toBeUndefined()
    }))

  it.scopedLive("CLAUDE_CONFIG_DIR, when absolute, is where the file is, instead of ~/.claude", () =>
    Effect.gen(function*() {
      const work = claudeTokens("work")
      const { home, result, run, server } = yield* setup({
        files: { ...fileOnly(Date.now()), "work-claude/.credentials.json": claudeCredentials(Date.now(), work) }
      })
      expect(ids(result)).toEqual(["claude:Reported"])
      // Relative, it is ignored (as XDG variables are); absolute, only that dir is read.
      expect(ids(yield* run({ only: ["claude"], env: { CLAUDE_CONFIG_DIR: "work-claude" } }))).toEqual(["claude:Reported"])
      expect(ids(yield* run({ only: ["claude"], env: { CLAUDE_CONFIG_DIR: join(home.dir, "work-claude") } }))).toEqual(["claude:Reported"])
      expect(server.requests.map((r) => r.headers.authorization)).toEqual([`Bearer ${MAIN.access}`, `Bearer ${MAIN.access}`, `Bearer ${work.access}`])
    }))

  it.scoped("an expired token is TokenExpired, no request is made (never refreshed), and the fix says to run claude", () =>
    Effect.gen(function*() {
      yield* TestClock.setTime(NOW)
      const { result, server } = yield* setup({ files: fileOnly(NOW, { expiresAt: NOW - 2 * HOUR * MS }) })
      const error = errorOf(result, "claude")
      expect(error).toMatchObject({ _tag: "TokenExpired", provider: "claude", expiredAt: NOW - 2 * HOUR * MS })
      expect(server.requests).toEqual([])
      const { fix, message } = describeError("en", error, "Claude", NOW)
      expect(message).toBe("Claude access token expired 2h 0m ago")
      expect(fix).toBe("Run `claude` once (or use Claude in OpenCode) to refresh the login, then run mystatus again.")
      expect(result.outcomes[0]).toMatchObject({ account: "Claude Code", accountKey: "claude-code" })
    }))

  it.scopedLive("a file without claudeAiOauth (only MCP logins) is no Claude login: absent, not an error", () =>
    Effect.gen(function*() {
      const { mcpOAuth } = claudeCredentials(Date.now())
      const { result, server } = yield* setup({ files: { [CREDENTIALS_PATH]: { mcpOAuth } } })
      expect(result.outcomes).toEqual([])
      expect(server.requests).toEqual([])
    }))

  const invalid = [
    ["no access token", { accessToken: undefined }, "claudeAiOauth.accessToken: is missing"],
    ["an expiry that is no number", { expiresAt: "soon" }, "claudeAiOauth.expiresAt: must be a number (epoch milliseconds)"],
    ["a token with a newline", { accessToken: `${MAIN.access}\n` }, "claudeAiOauth.accessToken: must be a non-empty string without surrounding whitespace"]
  ] as const
  for (const [what, fields, problem] of invalid) {
    it.scopedLive(`a file with ${what} is CredentialsInvalid naming the field, never a value`, () =>
      Effect.gen(function*() {
        const { home, result, server } = yield* setup({ files: fileOnly(Date.now(), fields) })
        const error = errorOf(result, "claude")
        expect(error).toMatchObject({ _tag: "CredentialsInvalid", source: join(home.dir, CREDENTIALS_PATH) })
        expect(messageOf(error)).toContain(problem)
        expect(describeError("en", error, "Claude", Date.now()).fix).toBe(
          "Correct it as the message says, or log in again with `claude` (`/login`) to recreate it."
        )
        expect(JSON.stringify(error)).not.toContain("SECRET")
        expect(server.requests).toEqual([])
      }))
  }
})

describe("Claude through OpenCode's auth.json", () => {
  it.scopedLive("an anthropic oauth entry (a third-party plugin's) is an account of its own place", () =>
    Effect.gen(function*() {
      const { result, server } = yield* setup({ auth: (now) => ({ anthropic: anthropicEntry(now) }) })
      expect(server.requests.map((r) => r.headers.authorization)).toEqual([`Bearer ${MAIN.access}`])
      const [outcome] = reportedOutcomes(result)
      expect(outcome).toMatchObject({ accountKey: "opencode", report: { account: "OpenCode", plan: null } })
    }))

  it.scopedLive("an anthropic api key has no subscription quota: absent, and the file's login still reports", () =>
    Effect.gen(function*() {
      const apiKey = { anthropic: { type: "api", key: "sk-ant-api03-FIXTURE-SECRET-key" } }
      const alone = yield* setup({ auth: apiKey })
      expect(alone.result.outcomes).toEqual([])
      expect(alone.server.requests).toEqual([])
      const withFile = yield* setup({ auth: apiKey, files: fileOnly(Date.now()) })
      expect(reportedOutcomes(withFile.result).map((o) => o.report.account)).toEqual(["Claude Code"])
    }))

  it.scopedLive("the same login in the file and in auth.json is one account, asked once, saying where it was found", () =>
    Effect.gen(function*() {
      const { result, server } = yield* setup({ auth: (now) => ({ anthropic: anthropicEntry(now) }), files: fileOnly(Date.now()) })
      expect(server.requests).toHaveLength(1)
      expect(reportedOutcomes(result).map((o) => [o.accountKey, o.report.account])).toEqual([["claude-code", "Claude Code + OpenCode"]])
    }))

  it.scopedLive("a copy not refreshed yet (same refresh token, older access token) is the same account, asked with the fresher", () =>
    Effect.gen(function*() {
      const now = Date.now()
      const stale = { ...MAIN, access: "sk-ant-oat01-FIXTURE-claude-main-older-access-SECRET" }
      const { result, server } = yield* setup({
        auth: { anthropic: anthropicEntry(now, stale, { expires: now + HOUR * MS }) },
        files: fileOnly(now)
      })
      expect(server.requests.map((r) => r.headers.authorization)).toEqual([`Bearer ${MAIN.access}`])
      expect(reportedOutcomes(result).map((o) => o.report.account)).toEqual(["Claude Code + OpenCode"])
    }))

  it.scopedLive("different logins are separate accounts, each asked with its own token", () =>
    Effect.gen(function*() {
      const work = claudeTokens("work")
      const { result, server } = yield* setup({
        auth: (now) => ({ anthropic: anthropicEntry(now, work) }),
        files: fileOnly(Date.now())
      })
      expect(server.requests.map((r) => r.headers.authorization).sort()).toEqual([`Bearer ${MAIN.access}`, `Bearer ${work.access}`].sort())
      expect(reportedOutcomes(result).map((o) => [o.accountKey, o.report.account, o.report.plan])).toEqual([
        ["claude-code", "Claude Code", "Max 20x"],
        ["opencode", "OpenCode", null]
      ])
    }))

  it.scopedLive("a broken anthropic entry is CredentialsInvalid naming the entry, and no request is made", () =>
    Effect.gen(function*() {
      const { home, result, server } = yield* setup({
        auth: (now) => ({ anthropic: { ...anthropicEntry(now), refresh: undefined } }),
        files: fileOnly(Date.now())
      })
      const error = errorOf(result, "claude")
      expect(error).toMatchObject({ _tag: "CredentialsInvalid", entry: "anthropic", source: join(home.dir, ".local/share/opencode/auth.json") })
      expect(server.requests).toEqual([])
    }))
})

// ---- the macOS Keychain, through a fake `security` on PATH

/** A directory outside HOME holding `security`: a shell script, removed with the test's scope. */
const fakeSecurity = (body: string) =>
  Effect.acquireRelease(
    Effect.sync(() => {
      const dir = mkdtempSync(join(tmpdir(), "mystatus-bin-"))
      writeFileSync(join(dir, "security"), `#!/bin/sh\n${body}\n`, { mode: 0o755 })
      return dir
    }),
    (dir) => Effect.sync(() => rmSync(dir, { recursive: true, force: true }))
  )

/**
 * `security` answering `output` (exit `code`) for exactly `find-generic-password -s <service> -w`, and as macOS does
 * for a missing item otherwise (exit 44). It first reads its stdin to the end: were stdin left open (a terminal, a
 * pipe never closed), it would wait there until the Keychain's time is up and the item would be missed.
 */
const keychainAnswering = (output: string, options: { readonly service?: string; readonly code?: number } = {}) =>
  fakeSecurity([
    "while read -r _; do :; done",
    `if [ "$#" -eq 4 ] && [ "$1" = find-generic-password ] && [ "$2" = -s ] && [ "$3" = '${options.service ?? "Claude Code-credentials"}' ] && [ "$4" = -w ]; then`,
    `  printf '%s\\n' '${output}'`,
    `  exit ${options.code ?? 0}`,
    "fi",
    "echo 'security: SecKeychainSearchCopyNext: The specified item could not be found in the keychain.' >&2",
    "exit 44"
  ].join("\n"))

const keychainEnv = (dir: string, mode = "on") => ({ MYSTATUS_CLAUDE_KEYCHAIN: mode, PATH: `${dir}:${process.env.PATH ?? ""}` })

describe("Claude through the macOS Keychain", () => {
  it.scopedLive("reads Claude Code's item with `security find-generic-password -s ... -w`, stdin closed", () =>
    Effect.gen(function*() {
      const work = claudeTokens("keychain")
      const dir = yield* keychainAnswering(JSON.stringify(claudeCredentials(Date.now(), work, { subscriptionType: "pro", rateLimitTier: null })))
      const { result, server } = yield* setup({ env: keychainEnv(dir) })
      expect(server.requests.map((r) => r.headers.authorization)).toEqual([`Bearer ${work.access}`])
      expect(reportedOutcomes(result).map((o) => [o.accountKey, o.report.account, o.report.plan])).toEqual([["keychain", "macOS Keychain", "Pro"]])
    }))

  it.scopedLive("the same login in the file and the Keychain is one account", () =>
    Effect.gen(function*() {
      const dir = yield* keychainAnswering(JSON.stringify(claudeCredentials(Date.now())))
      const { result, server } = yield* setup({ files: fileOnly(Date.now()), env: keychainEnv(dir) })
      expect(server.requests).toHaveLength(1)
      expect(reportedOutcomes(result).map((o) => o.report.account)).toEqual(["Claude Code + macOS Keychain"])
    }))

  it.scopedLive("a leftover expired file next to a live Keychain login is Claude Code's old login, not another account", () =>
    Effect.gen(function*() {
      const now = Date.now()
      const current = claudeTokens("current")
      const dir = yield* keychainAnswering(JSON.stringify(claudeCredentials(now, current)))
      const { result, server } = yield* setup({ files: fileOnly(now, { expiresAt: now - DAY * MS }), env: keychainEnv(dir) })
      expect(server.requests.map((r) => r.headers.authorization)).toEqual([`Bearer ${current.access}`])
      expect(ids(result)).toEqual(["claude:Reported"])
      expect(reportedOutcomes(result)[0]!.report.account).toBe("macOS Keychain")
    }))

  it.scopedLive("an expired OpenCode copy is never dropped so: it belongs to another program", () =>
    Effect.gen(function*() {
      const now = Date.now()
      const work = claudeTokens("work")
      const { result } = yield* setup({ auth: { anthropic: anthropicEntry(now, work, { expires: now - HOUR * MS }) }, files: fileOnly(now) })
      expect(ids(result)).toEqual(["claude:Reported", "claude:Failed"])
      expect(result.outcomes[1]).toMatchObject({ account: "OpenCode", error: { _tag: "TokenExpired" } })
    }))

  it.scopedLive("with CLAUDE_CONFIG_DIR, the item is that dir's (Claude Code suffixes the name with its SHA-256)", () =>
    Effect.gen(function*() {
      const configDir = "/Users/test/.claude-work"
      expect(keychainService(null)).toBe("Claude Code-credentials")
      expect(keychainService(configDir)).toBe("Claude Code-credentials-03abf0ee")
      const dir = yield* keychainAnswering(JSON.stringify(claudeCredentials(Date.now())), { service: "Claude Code-credentials-03abf0ee" })
      const { result } = yield* setup({ env: { ...keychainEnv(dir), CLAUDE_CONFIG_DIR: configDir } })
      expect(reportedOutcomes(result).map((o) => o.report.account)).toEqual(["macOS Keychain"])
      const plain = yield* setup({ env: keychainEnv(dir) })
      expect(plain.result.outcomes).toEqual([])
    }))

  const notThere = [
    ["no such item (exit 44)", () => keychainAnswering("{}", { service: "another item" })],
    ["a non-zero exit", () => keychainAnswering(JSON.stringify(claudeCredentials(Date.now())), { code: 1 })],
    ["output that is not JSON", () => keychainAnswering("7b22636c61756465...")],
    ["no security command at all", () => fakeSecurity("exit 0").pipe(Effect.tap((dir) => Effect.sync(() => rmSync(join(dir, "security")))))],
    ["an item holding only MCP logins", () => keychainAnswering(JSON.stringify({ mcpOAuth: {} }))]
  ] as const
  for (const [what, make] of notThere) {
    it.scopedLive(`${what} is no login there: not configured, not an error`, () =>
      Effect.gen(function*() {
        const dir = yield* make()
        const { result, server } = yield* setup({ env: keychainEnv(dir) })
        expect(result.outcomes).toEqual([])
        expect(server.requests).toEqual([])
      }))
  }

  it.scopedLive("an item of JSON of the wrong shape is CredentialsInvalid naming the Keychain item, never a value", () =>
    Effect.gen(function*() {
      const dir = yield* keychainAnswering(JSON.stringify(claudeCredentials(Date.now(), MAIN, { accessToken: 42 })))
      const { result, server } = yield* setup({ env: keychainEnv(dir), files: fileOnly(Date.now()) })
      const error = errorOf(result, "claude")
      expect(error).toMatchObject({ _tag: "CredentialsInvalid", source: "macOS Keychain item \"Claude Code-credentials\"" })
      expect(messageOf(error)).toBe(
        "Invalid credentials in macOS Keychain item \"Claude Code-credentials\": claudeAiOauth.accessToken: must be a non-empty string without surrounding whitespace or newlines"
      )
      expect(JSON.stringify(error)).not.toContain("SECRET")
      expect(server.requests).toEqual([])
    }))

  it.scopedLive("a Keychain that does not answer is left behind after 3 s: the file's login still reports in time", () =>
    Effect.gen(function*() {
      const dir = yield* fakeSecurity("sleep 30")
      const started = Date.now()
      const { result } = yield* setup({ files: fileOnly(Date.now()), env: keychainEnv(dir) })
      expect(Date.now() - started).toBeLessThan(4500)
      expect(reportedOutcomes(result).map((o) => o.report.account)).toEqual(["Claude Code"])
    }), 10_000)

  it.scopedLive("MYSTATUS_CLAUDE_KEYCHAIN=off never runs it", () =>
    Effect.gen(function*() {
      const dir = yield* keychainAnswering(JSON.stringify(claudeCredentials(Date.now())))
      const { result } = yield* setup({ env: keychainEnv(dir, "off") })
      expect(result.outcomes).toEqual([])
    }))

  it.scopedLive.skipIf(process.platform === "darwin")("by default it is read on macOS only", () =>
    Effect.gen(function*() {
      const dir = yield* keychainAnswering(JSON.stringify(claudeCredentials(Date.now())))
      const { result } = yield* setup({ env: keychainEnv(dir, "auto") })
      expect(result.outcomes).toEqual([])
    }))
})

describe("Claude's answer", () => {
  it.scoped("the plan's windows by length, per-model windows, `limits` and both timestamp forms", () =>
    Effect.gen(function*() {
      yield* TestClock.setTime(NOW)
      const { result } = yield* setup({ files: fileOnly(NOW) })
      const week = resetMs(NOW, 3 * DAY + 4 * HOUR)
      expect(windowsOf(result)).toEqual([
        [null, 18000, 22, resetMs(NOW, 2.5 * HOUR)],
        [null, 604800, 41, week],
        [{ _tag: "Known", key: "sonnet" }, 604800, 8.5, week],
        [{ _tag: "Named", name: "Fable" }, 604800, 86, resetMs(NOW, 5 * DAY)],
        [{ _tag: "Known", key: "extraUsage" }, null, 24.8, null]
      ])
      expect(reportOf(result, "claude").notes).toEqual([{ _tag: "ExtraUsage", spent: 12.4, limit: 50, currency: "EUR", decimals: 2 }])
    }))

  it.scoped("null windows are not shown; `limits` stands in for a null five_hour or seven_day", () =>
    Effect.gen(function*() {
      yield* TestClock.setTime(NOW)
      const body = {
        five_hour: null,
        seven_day: null,
        seven_day_opus: null,
        limits: [
          { kind: "weekly_all", group: "weekly", percent: 20, resets_at: resetMicros(NOW, 4 * DAY), scope: null },
          { kind: "session", group: "session", percent: 52, resets_at: resetMs(NOW, HOUR), scope: null },
          { kind: "inactive_pool", percent: 100, is_active: false }
        ]
      }
      const { result } = yield* withBody(body)
      expect(windowsOf(result)).toEqual([[null, 18000, 52, resetMs(NOW, HOUR)], [null, 604800, 20, resetMs(NOW, 4 * DAY)]])
    }))

  it.scopedLive("every window null is an answer without limits, not an error", () =>
    Effect.gen(function*() {
      const { result } = yield* withBody({ five_hour: null, seven_day: null, seven_day_opus: null, seven_day_sonnet: null, extra_usage: null })
      expect(reportOf(result, "claude").windows).toEqual([])
      expect(renderText(result, { lang: "en", color: false })).toContain("No limits reported for this account")
    }))

  it.scopedLive("a per-model limit in both `seven_day_opus` and `limits` is shown once", () =>
    Effect.gen(function*() {
      const reset = resetMs(Date.now(), DAY)
      const { result } = yield* withBody({
        seven_day_opus: { utilization: 33, resets_at: reset },
        limits: [{ kind: "weekly_scoped", group: "weekly", percent: 33, resets_at: reset, scope: { model: { id: null, display_name: "Opus" } } }]
      })
      expect(windowsOf(result).map(([scope, seconds]) => [scope, seconds])).toEqual([[{ _tag: "Known", key: "opus" }, 604800]])
      expect(toJson(result, "en").providers[0]!.windows.map((w) => [w.key, w.label])).toEqual([["opus:weekly", "Opus · Weekly"]])
    }))

  it.scopedLive("unknown window keys are shown with a readable label; zeroed codename slots and non-windows are not", () =>
    Effect.gen(function*() {
      const reset = resetMicros(Date.now(), DAY)
      const { result } = yield* withBody({
        five_hour: { utilization: 5, resets_at: reset },
        seven_day_cowork: { utilization: 12.5, resets_at: reset },
        iguana_necktie: { utilization: 3 },
        five_hour_routines: { utilization: 0, resets_at: reset },
        nimbus_quill: { utilization: 0.0, resets_at: null },
        tangelo: null,
        member_dashboard_available: false,
        "Not-An-Identifier": { utilization: 50, resets_at: reset }
      })
      const json = toJson(result, "en").providers[0]!.windows.map((w) => [w.key, w.label, w.usedPercent])
      expect(json).toEqual([
        ["5h", "5-hour", 5],
        ["model:cowork:weekly", "Cowork · Weekly", 12.5],
        ["model:iguana-necktie", "Iguana Necktie", 3],
        ["model:routines:5h", "Routines · 5-hour", 0]
      ])
    }))

  it.scopedLive("`{}` is not \"no limits\": DecodeError naming the fields that carry the quota", () =>
    Effect.gen(function*() {
      const { result } = yield* withBody({})
      const error = errorOf(result, "claude")
      expect(error).toMatchObject({ _tag: "DecodeError", reason: "noQuota" })
      expect(messageOf(error)).toContain("five_hour, seven_day")
    }))

  it.scopedLive("a window of the wrong shape is a DecodeError naming the field", () =>
    Effect.gen(function*() {
      const { result } = yield* withBody({ five_hour: { utilization: "high" } })
      expect(messageOf(errorOf(result, "claude"))).toContain("five_hour.utilization: expected a number")
    }))
})

describe("Claude's extra usage", () => {
  const extraUsageOf = (extra: object) =>
    Effect.map(withBody({ five_hour: null, extra_usage: extra }), ({ result }) => ({
      report: reportOf(result, "claude"),
      text: renderText(result, { lang: "en", color: false }),
      json: toJson(result, "en").providers[0]!
    }))

  it.scopedLive("in minor units of a currency other than dollars: 1240 EUR cents of 5000 is 12.40 EUR of 50.00 EUR", () =>
    Effect.gen(function*() {
      const { json, text } = yield* extraUsageOf({ is_enabled: true, monthly_limit: 5000, used_credits: 1240, utilization: 24.8, currency: "EUR" })
      expect(json.windows).toEqual([expect.objectContaining({ key: "extra-usage", label: "Extra usage", usedPercent: 24.8, used: null, unit: null })])
      expect(json.notes).toEqual(["Extra usage: 12.40 EUR of 50.00 EUR spent this month"])
      expect(text).toMatch(/Extra usage +█+░+ +75% left/)
    }))

  it.scopedLive("decimal_places is honoured (yen have none); a lower-case currency is written as ISO does", () =>
    Effect.gen(function*() {
      const { json } = yield* extraUsageOf({ is_enabled: true, monthly_limit: 300000, used_credits: 4500, currency: "jpy", decimal_places: 0 })
      expect(json.notes).toEqual(["Extra usage: 4,500 JPY of 300,000 JPY spent this month"])
      expect(json.windows.map((w) => w.usedPercent)).toEqual([1.5])
    }))

  it.scopedLive("without a monthly cap there is no percentage to show, only what was spent", () =>
    Effect.gen(function*() {
      const { json } = yield* extraUsageOf({ is_enabled: true, monthly_limit: null, used_credits: 520, currency: "USD" })
      expect(json.windows).toEqual([])
      expect(json.notes).toEqual(["Extra usage: 5.20 USD spent this month (no monthly limit)"])
    }))

  it.scopedLive("turned off, it is not shown", () =>
    Effect.gen(function*() {
      const { report } = yield* extraUsageOf({ is_enabled: false, monthly_limit: null, used_credits: null, utilization: null, currency: null })
      expect([report.windows, report.notes]).toEqual([[], []])
    }))

  it.scopedLive("in every language, with its own separators", () =>
    Effect.gen(function*() {
      const { result } = yield* withBody({ extra_usage: { is_enabled: true, monthly_limit: 500000, used_credits: 123456, currency: "EUR" } })
      expect(toJson(result, "fr").providers[0]!.notes).toEqual(["Utilisation supplémentaire\u00a0: 1\u202f234,56 EUR dépensés sur 5\u202f000,00 EUR ce mois-ci"])
      expect(toJson(result, "zh-CN").providers[0]!.notes).toEqual(["额外用量：本月已花费 1,234.56 EUR，上限 5,000.00 EUR"])
    }))
})

describe("Claude's refusals", () => {
  it.scopedLive("401: log in again with claude", () =>
    Effect.gen(function*() {
      const { result } = yield* setup({
        files: fileOnly(Date.now()),
        answer: { status: 401, body: { type: "error", error: { type: "authentication_error", message: "OAuth token has expired." } } }
      })
      const error = errorOf(result, "claude")
      expect(error).toMatchObject({ _tag: "HttpError", status: 401, hint: "signInAgain", detail: "OAuth token has expired." })
      expect(describeError("en", error, "Claude", Date.now()).fix).toContain("log in again with `claude` (`/login`)")
    }))

  it.scopedLive("403: the login lacks the user:profile scope (an inference-only token, e.g. from claude setup-token)", () =>
    Effect.gen(function*() {
      const { result } = yield* setup({
        files: fileOnly(Date.now(), { scopes: ["user:inference"] }),
        answer: { status: 403, body: { type: "error", error: { type: "permission_error", message: "OAuth token does not meet scope requirement user:profile" } } }
      })
      const error = errorOf(result, "claude")
      expect(error).toMatchObject({ _tag: "HttpError", status: 403, hint: "profileScope" })
      const { fix } = describeError("en", error, "Claude", Date.now())
      expect(fix).toContain("`user:profile`")
      expect(fix).toContain("`claude setup-token`")
    }))

  it.scoped("429 with Retry-After: when to try again, and that a stale login is refused so too", () =>
    Effect.gen(function*() {
      yield* TestClock.setTime(NOW)
      const { result } = yield* setup({
        files: fileOnly(NOW),
        answer: { status: 429, headers: { "retry-after": "2974" }, body: { error: { message: "Rate limited. Please try again later.", type: "rate_limit_error" } } }
      })
      const error = errorOf(result, "claude")
      expect(error).toMatchObject({ _tag: "HttpError", status: 429, retryAfterSeconds: 2974, hint: "rateLimited" })
      const { fix, message } = describeError("en", error, "Claude", NOW)
      expect(message).toBe("Claude API request failed (HTTP 429 Too Many Requests): Rate limited. Please try again later.")
      expect(fix).toBe(
        "Anthropic is limiting requests for this login: try again in 50m. A stale login is refused this way too: if it persists, run `claude` once to refresh it."
      )
      expect(describeError("ko", error, "Claude", NOW).fix).toContain("50분 후에 다시 시도하세요")
    }))

  it.scopedLive("429 without Retry-After: in a few minutes", () =>
    Effect.gen(function*() {
      const { result } = yield* setup({ files: fileOnly(Date.now()), answer: { status: 429, body: { error: { type: "rate_limit_error" } } } })
      expect(describeError("en", errorOf(result, "claude"), "Claude", Date.now()).fix).toContain("try again in a few minutes")
    }))
})
