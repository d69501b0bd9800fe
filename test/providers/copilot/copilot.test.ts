import { describe, expect, it } from "@effect/vitest"
import * as NodeHttpClient from "@effect/platform-node/NodeHttpClient"
import { Effect, Layer, TestClock } from "effect"
import { join } from "node:path"
import { enterpriseApiUrl } from "../../../src/providers/copilot/index.js"
import { describeError } from "../../../src/render/describe.js"
import { toJson } from "../../../src/render/json.js"
import { renderText } from "../../../src/render/text.js"
import type { Routes } from "../../support/FakeServer.js"
import { harness, provideHarness } from "../../support/harness.js"
import { errorOf, ids, messageOf, reportOf } from "../../support/outcomes.js"
import {
  COPILOT_RESET,
  copilotDateOnlyReset,
  copilotEntry,
  copilotFree,
  copilotOverQuota,
  copilotPatFile,
  copilotPlaceholder,
  copilotSessionToken,
  copilotUnlimited,
  copilotUser,
  fixture,
  PAT_PATH,
  PATHS,
  premiumRequestUsage,
  SECRETS
} from "./fixtures.js"

/** Copilot configured through OpenCode's login (and optionally a PAT file), asked alone. */
const setup = (routes: Routes, files: { readonly entry?: object | null; readonly pat?: object | string } = {}) =>
  harness({
    routes,
    ...(files.entry === null ? {} : { auth: { "github-copilot": files.entry ?? copilotEntry() } }),
    files: files.pat === undefined ? {} : { [PAT_PATH]: files.pat },
    only: ["copilot"]
  })

const userRoute = (body: unknown): Routes => ({ [`GET ${PATHS.user}`]: { body } })

describe("GitHub Copilot through OpenCode's login", () => {
  it.scopedLive("asks copilot_internal/user with the gho token and the editor headers", () =>
    Effect.gen(function*() {
      const { result, server } = yield* setup(userRoute(copilotUser))
      expect(server.requests).toHaveLength(1)
      const { headers, path } = server.requests[0]!
      expect(path).toBe(PATHS.user)
      expect(headers.authorization).toBe(`token ${SECRETS.gho}`)
      expect(headers["editor-version"]).toBe("vscode/1.96.2")
      expect(headers["editor-plugin-version"]).toBe("copilot-chat/0.26.7")
      expect(headers["user-agent"]).toBe("GitHubCopilotChat/0.26.7")
      expect(headers["x-github-api-version"]).toBe("2025-04-01")
      const report = reportOf(result, "copilot")
      expect(report.plan).toBe("Individual")
      // Unlimited chat and completions are not shown; premium requests are, with counts.
      expect(report.windows).toEqual([{
        scope: { _tag: "Known", key: "premiumRequests" },
        windowSeconds: null,
        usedPercent: 100 - 23.7,
        resetsAt: COPILOT_RESET,
        used: 229,
        limit: 300,
        unit: "requests"
      }])
    }))

  it.scopedLive("uses the gho token even when access holds a session token", () =>
    Effect.gen(function*() {
      const { server } = yield* setup(userRoute(copilotUser), { entry: copilotEntry({ access: SECRETS.session }) })
      expect(server.requests[0]!.headers.authorization).toBe(`token ${SECRETS.gho}`)
    }))

  it.scopedLive("reads the reset from quota_reset_date when the UTC field is absent", () =>
    Effect.gen(function*() {
      const { result } = yield* setup(userRoute(copilotDateOnlyReset))
      expect(reportOf(result, "copilot").windows[0]!.resetsAt).toEqual(COPILOT_RESET)
    }))

  it.scopedLive("when refused, exchanges for a session token and retries with it as Bearer", () =>
    Effect.gen(function*() {
      const { result, server } = yield* setup({
        [`GET ${PATHS.user}`]: [{ status: 401, body: { message: "Bad credentials" } }, { body: copilotUser }],
        [`GET ${PATHS.token}`]: { body: copilotSessionToken }
      })
      expect(server.requests.map((r) => [r.path, r.headers.authorization])).toEqual([
        [PATHS.user, `token ${SECRETS.gho}`],
        [PATHS.token, `token ${SECRETS.gho}`],
        [PATHS.user, `Bearer ${SECRETS.session}`]
      ])
      expect(server.requests[1]!.headers["copilot-integration-id"]).toBe("vscode-chat")
      expect(reportOf(result, "copilot").windows[0]!.usedPercent).toBeCloseTo(76.3)
    }))

  it.scopedLive("when the quota API stays closed and no PAT is set: the seed's message with the PAT steps", () =>
    Effect.gen(function*() {
      const { home, result } = yield* setup({
        [`GET ${PATHS.user}`]: { status: 404, body: { message: "Not Found" } },
        [`GET ${PATHS.token}`]: { status: 404, body: { message: "Not Found" } }
      })
      const error = errorOf(result, "copilot")
      expect(error).toMatchObject({
        _tag: "ProviderProblem",
        problem: "CopilotQuotaUnavailable",
        params: { status: 404, patPath: join(home.dir, PAT_PATH) }
      })
      const { fix, message } = describeError("en", error, "GitHub Copilot", Date.now())
      expect(message).toContain("GitHub Copilot quota query unavailable")
      expect(fix).toContain("\"Plan\" to \"Read-only\"")
      expect(fix).toContain(`Save it in ${join(home.dir, PAT_PATH)}`)
      expect(fix).toContain("\"tier\" is required: free, pro, pro+, business or enterprise")
      expect(fix).toContain("VS Code status bar")
      expect(fix).toContain("https://github.com/settings/billing")
    }))

  it.scopedLive("a server error is an HttpError, not the PAT advice", () =>
    Effect.gen(function*() {
      const { result } = yield* setup({ [`GET ${PATHS.user}`]: { status: 502, body: "bad gateway" } })
      expect(errorOf(result, "copilot")).toMatchObject({ _tag: "HttpError", status: 502 })
    }))

  it.scopedLive("unlimited premium requests show as unlimited, never as a percentage of nothing", () =>
    Effect.gen(function*() {
      const { result } = yield* setup(userRoute(copilotUnlimited))
      const report = reportOf(result, "copilot")
      expect(report.windows).toHaveLength(1)
      expect(report.windows[0]).toMatchObject({ unlimited: true, usedPercent: 0 })
      const text = renderText(result, { lang: "en", color: false })
      expect(text).toMatch(/Premium requests +█{20} +Unlimited/)
      expect(toJson(result, "en").providers[0]!.windows[0]).toMatchObject({ label: "Premium requests", unlimited: true, remainingPercent: 100 })
    }))

  it.scopedLive("a negative percent_remaining is over quota, with the overage count", () =>
    Effect.gen(function*() {
      const { result } = yield* setup(userRoute(copilotOverQuota))
      const report = reportOf(result, "copilot")
      expect(report.windows[0]).toMatchObject({ usedPercent: 100.33, used: 301, limit: 300 })
      expect(report.notes).toContainEqual({ _tag: "OverQuota", overage: 12, unit: "requests" })
      const text = renderText(result, { lang: "en", color: false })
      expect(text).toContain("Over quota")
      expect(text).toContain("⚠ Over quota: 12 extra requests this period")
      expect(text).not.toContain("-0%")
    }))

  it.scopedLive("placeholder snapshots of usage-billed accounts are not shown as 0% used", () =>
    Effect.gen(function*() {
      const { result } = yield* setup(userRoute(copilotPlaceholder))
      const report = reportOf(result, "copilot")
      expect(report.windows).toEqual([])
      expect(report.notes).toEqual([{ _tag: "UsageBasedBilling" }])
      const text = renderText(result, { lang: "en", color: false })
      expect(text).not.toMatch(/0% (used|left)/)
      expect(text).toContain("Billed by usage")
    }))

  it.scopedLive("limited chat and completions are shown next to premium requests", () =>
    Effect.gen(function*() {
      const { result } = yield* setup(userRoute(copilotFree))
      const report = reportOf(result, "copilot")
      expect(report.windows.map((w) => [w.scope?._tag === "Known" && w.scope.key, w.used, w.limit])).toEqual([
        ["premiumRequests", 10, 50],
        ["chat", 40, 50],
        ["completions", 500, 2000]
      ])
    }))

  it.scopedLive("an enterpriseUrl sends the query to api.<enterprise host>", () =>
    Effect.gen(function*() {
      const { home, run, server } = yield* provideHarness({ routes: userRoute(copilotUser) })
      const port = new URL(server.url).port
      home.authJson({ "github-copilot": copilotEntry({ enterpriseUrl: `http://octo.ghe.test:${port}` }) })
      // Real HTTP over node:http whose DNS answers 127.0.0.1 for every name: the Host header proves the target.
      const loopbackDns = NodeHttpClient.layerWithoutAgent.pipe(
        Layer.provide(NodeHttpClient.makeAgentLayer({
          lookup: (_host, options, callback) =>
            options.all ? callback(null, [{ address: "127.0.0.1", family: 4 }]) : callback(null, "127.0.0.1", 4)
        }))
      )
      const result = yield* run({ env: fixture.baseUrlEnv("http://127.0.0.1:9"), only: ["copilot"], http: loopbackDns })
      expect(server.requests.map((r) => r.headers.host)).toEqual([`api.octo.ghe.test:${port}`])
      expect(reportOf(result, "copilot").account).toBe(`api.octo.ghe.test:${port}`)
    }))

  it("derives the enterprise API host from the enterprise URL", () => {
    expect(enterpriseApiUrl("octocorp.ghe.com")).toBe("https://api.octocorp.ghe.com")
    expect(enterpriseApiUrl("https://octocorp.ghe.com/")).toBe("https://api.octocorp.ghe.com")
    expect(enterpriseApiUrl("ftp://octocorp.ghe.com")).toBeUndefined()
  })

  it.scopedLive("neither a login nor a PAT file: Copilot is simply absent", () =>
    Effect.gen(function*() {
      const { result, server } = yield* setup(userRoute(copilotUser), { entry: null })
      expect(result.outcomes).toEqual([])
      expect(server.requests).toEqual([])
    }))
})

describe("GitHub Copilot through a fine-grained PAT", () => {
  const billing = (body: unknown = premiumRequestUsage): Routes => ({
    [`GET ${PATHS.billing}`]: { body },
    [`GET ${PATHS.user}`]: { body: copilotUser }
  })

  it.scopedLive("is preferred over the login and reads the billing API with the PAT", () =>
    Effect.gen(function*() {
      const { result, server } = yield* setup(billing(), { pat: copilotPatFile("pro") })
      expect(server.requests.map((r) => r.path)).toEqual([PATHS.billing])
      const { headers } = server.requests[0]!
      expect(headers.authorization).toBe(`Bearer ${SECRETS.pat}`)
      expect(headers.accept).toBe("application/vnd.github+json")
      expect(headers["x-github-api-version"]).toBe("2022-11-28")
      const report = reportOf(result, "copilot")
      expect(report.account).toBe("octo-dev")
      expect(report.plan).toBe("Pro")
      expect(report.windows).toEqual([{
        scope: { _tag: "Known", key: "premiumRequests" },
        windowSeconds: null,
        usedPercent: (175 / 300) * 100,
        resetsAt: new Date("2026-12-01T00:00:00Z"),
        used: 175,
        limit: 300,
        unit: "requests"
      }])
      expect(report.notes).toEqual([
        { _tag: "BillingPeriod", year: 2026, month: 11 },
        {
          _tag: "TopModels",
          unit: "requests",
          models: [{ name: "Claude Sonnet 4", used: 120 }, { name: "GPT-5", used: 40 }, { name: "Gemini 2.5 Pro", used: 12 }]
        }
      ])
    }))

  for (const [tier, limit] of [["free", 50], ["pro", 300], ["pro+", 1500], ["business", 300], ["enterprise", 1000]] as const) {
    it.scopedLive(`tier ${tier} allows ${limit} premium requests a month`, () =>
      Effect.gen(function*() {
        const { result } = yield* setup(billing(), { pat: copilotPatFile(tier) })
        const window = reportOf(result, "copilot").windows[0]!
        expect([window.used, window.limit]).toEqual([175, limit])
        const over = 175 - limit
        if (over > 0) expect(reportOf(result, "copilot").notes).toContainEqual({ _tag: "OverQuota", overage: over, unit: "requests" })
      }))
  }

  it.scopedLive("is found through OPENCODE_CONFIG_DIR, then XDG_CONFIG_HOME", () =>
    Effect.gen(function*() {
      const { home, run } = yield* provideHarness({
        routes: billing(),
        files: {
          "custom/copilot-quota-token.json": copilotPatFile("free"),
          "xdg/opencode/copilot-quota-token.json": copilotPatFile("pro+")
        }
      })
      const env = { XDG_CONFIG_HOME: join(home.dir, "xdg") }
      const explicit = yield* run({ env: { ...env, OPENCODE_CONFIG_DIR: join(home.dir, "custom") } })
      expect(reportOf(explicit, "copilot").windows[0]!.limit).toBe(50)
      const xdg = yield* run({ env })
      expect(reportOf(xdg, "copilot").windows[0]!.limit).toBe(1500)
    }))

  it.scoped("a billing report without its month covers the run's month, and resets on the 1st of the next", () =>
    Effect.gen(function*() {
      yield* TestClock.setTime(Date.UTC(2027, 11, 31, 23, 59, 59))
      const usage = { ...premiumRequestUsage, timePeriod: { year: 2027 } }
      const { result } = yield* setup(billing(usage), { pat: copilotPatFile("pro") })
      const report = reportOf(result, "copilot")
      expect(report.notes[0]).toEqual({ _tag: "BillingPeriod", year: 2027, month: 12 })
      expect(report.windows[0]!.resetsAt).toEqual(new Date("2028-01-01T00:00:00Z"))
    }))

  const invalid = [
    ["a missing field", { token: SECRETS.pat, tier: "pro" }, "username: is missing"],
    ["an unknown tier", copilotPatFile("premium"), "tier: expected one of \"free\", \"pro\", \"pro+\", \"business\", \"enterprise\""],
    ["a token with whitespace", copilotPatFile("pro", { token: ` ${SECRETS.pat}\n` }), "token: must be a non-empty string without surrounding whitespace"]
  ] as const
  for (const [what, pat, problem] of invalid) {
    it.scopedLive(`${what} is a configuration error naming the field`, () =>
      Effect.gen(function*() {
        const { home, result, server } = yield* setup(billing(), { pat })
        const error = errorOf(result, "copilot")
        expect(error).toMatchObject({ _tag: "CredentialsInvalid", source: join(home.dir, PAT_PATH) })
        expect(messageOf(error)).toContain(problem)
        expect(JSON.stringify(error)).not.toContain(SECRETS.pat)
        expect(server.requests).toEqual([])
      }))
  }

  it.scopedLive("a PAT file that is not JSON is an unreadable file, with the place of the error, never its text", () =>
    Effect.gen(function*() {
      const { home, result, server } = yield* setup(billing(), { pat: `{"token": "${SECRETS.pat}"` })
      const error = errorOf(result, "copilot")
      expect(error).toMatchObject({ _tag: "AuthFileUnreadable", provider: "copilot", path: join(home.dir, PAT_PATH), problem: "notJson", line: 1 })
      expect(JSON.stringify(error)).not.toContain(SECRETS.pat)
      expect(server.requests).toEqual([])
    }))

  for (const status of [403, 404]) {
    it.scopedLive(`HTTP ${status} explains the "Plan: Read-only" permission`, () =>
      Effect.gen(function*() {
        const { result } = yield* setup({ [`GET ${PATHS.billing}`]: { status, body: { message: "Not Found" } } }, { pat: copilotPatFile() })
        const error = errorOf(result, "copilot")
        expect(error).toMatchObject({ _tag: "HttpError", status, hint: "patPermission" })
        expect(describeError("en", error, "GitHub Copilot", Date.now()).fix).toContain("\"Plan: Read-only\"")
      }))
  }

  it.scopedLive("a PAT file alone (no OpenCode login) is enough", () =>
    Effect.gen(function*() {
      const { result } = yield* setup(billing(), { entry: null, pat: copilotPatFile() })
      expect(ids(result)).toEqual(["copilot:Reported"])
    }))
})
