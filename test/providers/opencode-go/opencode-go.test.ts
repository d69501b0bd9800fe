import { describe, expect, it } from "@effect/vitest"
import { Effect, TestClock } from "effect"
import { describeError, warningsOf } from "../../../src/render/describe.js"
import { windowKey } from "../../../src/schema/report.js"
import { harness } from "../../support/harness.js"
import { errorOf, messageOf, reportOf } from "../../support/outcomes.js"
import { GO_ENTRY, goUnauthorized, goUsage, goWeeklySpent, goWindow, PATH, SECRETS, withOffset } from "./fixtures.js"

const HOUR = 3600
const DAY = 24 * HOUR
const NOW = Date.UTC(2026, 10, 22, 2, 56, 5, 123)

/** OpenCode Go configured, its endpoint answering `answer`. */
const setup = (answer: object, auth: object = { "opencode-go": GO_ENTRY }) => harness({ routes: { [`GET ${PATH}`]: answer }, auth })

describe("OpenCode Go", () => {
  it.scopedLive("sends the key as a Bearer token to GET /zen/go/v1/usage", () =>
    Effect.gen(function*() {
      const { server, result } = yield* setup({ body: goUsage(Date.now()) })
      reportOf(result, "opencode-go")
      expect(server.requests.map((r) => [r.method, r.path, r.headers.authorization])).toEqual([
        ["GET", PATH, `Bearer ${SECRETS.key}`]
      ])
    }))

  it.scoped("shows the 5-hour, weekly and monthly windows, each reset read from its offset", () =>
    Effect.gen(function*() {
      yield* TestClock.setTime(NOW)
      const { result } = yield* setup({ body: goUsage(NOW) })
      const report = reportOf(result, "opencode-go")
      expect(report).toMatchObject({ account: "sk-F****9F3K", plan: null, notes: [] })
      expect(report.windows.map((w) => [windowKey(w), w.windowSeconds, w.usedPercent, w.resetsAt])).toEqual([
        ["5h", 18000, 15, new Date(NOW + 2.5 * HOUR * 1000)],
        ["weekly", 604800, 42, new Date(NOW + (4 * DAY + 2 * HOUR) * 1000)],
        ["monthly", 2_592_000, 3, new Date(NOW + 20 * DAY * 1000)]
      ])
      // The API gives percentages only: no counts are invented.
      expect(report.windows.every((w) => w.used === null && w.limit === null && w.unit === null)).toBe(true)
    }))

  it.scoped("a rate-limited window is spent: 100% used, and the account says the limit is reached", () =>
    Effect.gen(function*() {
      yield* TestClock.setTime(NOW)
      const { result } = yield* setup({ body: goWeeklySpent(NOW) })
      const report = reportOf(result, "opencode-go")
      expect(report.windows.map((w) => w.usedPercent)).toEqual([15, 100, 3])
      expect(report.notes).toEqual([{ _tag: "LimitReached" }])
      expect(warningsOf("en", "opencode-go", report)).toEqual([
        "Limit reached: requests are being refused until the next reset",
        "Weekly: 100% used"
      ])
    }))

  it.scopedLive("\"rate-limited\" with a lower percentage still counts as spent; an unknown status reads as ok", () =>
    Effect.gen(function*() {
      const reset = new Date(Date.now() + HOUR * 1000).toISOString()
      const { result } = yield* setup({
        body: { usage: { rolling: goWindow(0, reset, "rate-limited"), monthly: goWindow(120, reset, "over") } }
      })
      const report = reportOf(result, "opencode-go")
      expect(report.windows.map((w) => [windowKey(w), w.usedPercent])).toEqual([["5h", 100], ["monthly", 120]])
      expect(report.notes).toEqual([{ _tag: "LimitReached" }])
    }))

  it.scopedLive("a missing window is left out, a missing reset time is none; {} has no quota", () =>
    Effect.gen(function*() {
      // dsh-usage-board's test answers a window with no `resetsAt` and no `status`.
      const { result } = yield* setup({ body: { usage: { weekly: { percent: 54 } } } })
      expect(reportOf(result, "opencode-go").windows).toMatchObject([{ windowSeconds: 604800, usedPercent: 54, resetsAt: null }])
      const empty = yield* setup({ body: {} })
      expect(errorOf(empty.result, "opencode-go")).toMatchObject({
        _tag: "DecodeError",
        reason: "noQuota",
        fields: ["usage.rolling", "usage.weekly", "usage.monthly"]
      })
    }))

  it.scopedLive("a percentage sent as text is a decode error naming the field, never quoting the value", () =>
    Effect.gen(function*() {
      const { result } = yield* setup({ body: { usage: { rolling: { status: "ok", percent: "fifteen-percent", resetsAt: withOffset(0, 0) } } } })
      const error = errorOf(result, "opencode-go")
      expect(error).toMatchObject({ _tag: "DecodeError", reason: "shape", issues: { list: [{ path: "usage.rolling.percent" }] } })
      expect(messageOf(error)).toContain("usage.rolling.percent: expected a number")
      expect(JSON.stringify(result.outcomes)).not.toContain("fifteen-percent")
    }))

  it.scopedLive("401 is an HttpError whose fix names both causes OpenCode does not tell apart", () =>
    Effect.gen(function*() {
      const { result } = yield* setup({ status: 401, body: goUnauthorized })
      const error = errorOf(result, "opencode-go")
      expect(error).toMatchObject({ _tag: "HttpError", status: 401, detail: "Unauthorized", hint: "keyOrSubscription" })
      const { message, fix } = describeError("en", error, "OpenCode Go", 0)
      expect(message).toBe("OpenCode Go API request failed (HTTP 401 Unauthorized): Unauthorized")
      expect(fix).toContain("without an active OpenCode Go subscription")
    }))

  it.scopedLive("429 is an HttpError with its Retry-After, and the generic advice", () =>
    Effect.gen(function*() {
      const { result } = yield* setup({ status: 429, headers: { "retry-after": "120" }, body: { type: "error", error: { type: "RateLimitError", message: "Too many requests" } } })
      const error = errorOf(result, "opencode-go")
      expect(error).toMatchObject({ _tag: "HttpError", status: 429, retryAfterSeconds: 120 })
      expect(error).not.toHaveProperty("hint")
      expect(describeError("en", error, "OpenCode Go", 0).fix).toBe("Rate limited: wait 2m and try again.")
    }))

  it.scopedLive("a key pasted with its newline fails OpenCode Go alone and is never sent", () =>
    Effect.gen(function*() {
      const { server, result } = yield* harness({
        routes: (now) => ({ "GET /coding/v1/usages": { body: { usage: { limit: "10", used: "1", resetTime: new Date(now).toISOString() } } } }),
        auth: { "opencode-go": { type: "api", key: `${SECRETS.key}\n` }, "kimi-for-coding": { type: "api", key: "sk-kimi-FIXTURE-SECRET-other" } }
      })
      const error = errorOf(result, "opencode-go")
      expect(error).toMatchObject({ _tag: "CredentialsInvalid", entry: "opencode-go", issues: { list: [{ path: "key", expected: { _tag: "Secret" } }] } })
      expect(messageOf(error)).toContain("key: must be a non-empty string without surrounding whitespace")
      expect(JSON.stringify(result)).not.toContain(SECRETS.key)
      expect(server.requests.map((r) => r.path)).toEqual(["/coding/v1/usages"])
      reportOf(result, "kimi")
    }))
})
