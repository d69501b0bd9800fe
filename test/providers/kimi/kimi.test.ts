import { describe, expect, it } from "@effect/vitest"
import { Effect, TestClock } from "effect"
import { describeError } from "../../../src/render/describe.js"
import { windowKey } from "../../../src/schema/report.js"
import type { Routes } from "../../support/FakeServer.js"
import { harness } from "../../support/harness.js"
import { errorOf, messageOf, reportOf } from "../../support/outcomes.js"
import { detail, KIMI_ENTRY, kimiUsages, nanos, PATH, rateLimit, SECRETS } from "./fixtures.js"

const HOUR = 3600
const DAY = 24 * HOUR
const NOW = Date.UTC(2026, 10, 22, 2, 56, 5, 123)

/** Kimi configured under OpenCode's own key, its endpoint answering `body`. */
const setup = (body: unknown, auth: object = { "kimi-for-coding": KIMI_ENTRY }) =>
  harness({ routes: { [`GET ${PATH}`]: { body } }, auth })

const answering = (routes: Routes) => harness({ routes, auth: { "kimi-for-coding": KIMI_ENTRY } })

describe("Kimi for Coding", () => {
  it.scopedLive("sends the key as a Bearer token to GET /coding/v1/usages", () =>
    Effect.gen(function*() {
      const { server, result } = yield* setup(kimiUsages(Date.now()))
      reportOf(result, "kimi")
      expect(server.requests.map((r) => [r.method, r.path, r.headers.authorization])).toEqual([
        ["GET", PATH, `Bearer ${SECRETS.key}`]
      ])
    }))

  it.scoped("shows the 5-hour window and the plan's quota with their counts, resets read to the millisecond", () =>
    Effect.gen(function*() {
      yield* TestClock.setTime(NOW)
      const { result } = yield* setup(kimiUsages(NOW))
      const report = reportOf(result, "kimi")
      expect(report).toMatchObject({ account: "sk-k****A1B2", plan: "Intermediate", notes: [] })
      expect(report.windows).toEqual([
        {
          scope: null,
          windowSeconds: 18000,
          usedPercent: 15,
          resetsAt: new Date(NOW + 2.5 * HOUR * 1000),
          used: 30,
          limit: 200,
          unit: "requests"
        },
        {
          // No window is given for the quota as a whole: no length is made up for it.
          scope: null,
          windowSeconds: null,
          usedPercent: 25,
          resetsAt: new Date(NOW + (3 * DAY + 4 * HOUR) * 1000),
          used: 512,
          limit: 2048,
          unit: "requests"
        }
      ])
    }))

  it.scopedLive("every window kind: its length is duration × timeUnit, and an unknown unit gives no length", () =>
    Effect.gen(function*() {
      const block = detail("100", "10", "90")
      const { result } = yield* setup({
        limits: [
          rateLimit(300, "TIME_UNIT_MINUTE", block),
          rateLimit(5, "TIME_UNIT_HOUR", block),
          rateLimit(1, "TIME_UNIT_DAY", block),
          rateLimit(10080, "TIME_UNIT_MINUTE", block),
          rateLimit(7, "TIME_UNIT_DAY", block),
          rateLimit(30, "TIME_UNIT_MINUTE", block),
          // Peers also meet the short spellings (CB `KimiUsageSnapshot.windowMinutes`).
          rateLimit(2, "HOURS", block),
          rateLimit(3, "TIME_UNIT_FORTNIGHT", block),
          rateLimit(0, "TIME_UNIT_MINUTE", block)
        ]
      })
      const windows = reportOf(result, "kimi").windows
      expect(windows.map((w) => w.windowSeconds)).toEqual([18000, 18000, DAY, 7 * DAY, 7 * DAY, 1800, 7200, null, null])
      expect(windows.slice(0, 8).map(windowKey)).toEqual(["5h", "5h", "daily", "weekly", "weekly", "30m", "2h", "requests"])
    }))

  it.scopedLive("counts sent as decimal strings are numbers: used from limit − remaining is 30, not \"200\"+\"170\"", () =>
    Effect.gen(function*() {
      const { result } = yield* setup({
        usage: detail("2048", undefined, "1536"),
        limits: [rateLimit(300, "TIME_UNIT_MINUTE", detail("200", undefined, "170"))]
      })
      const windows = reportOf(result, "kimi").windows
      expect(windows.map((w) => [w.used, w.limit, w.usedPercent])).toEqual([[30, 200, 15], [512, 2048, 25]])
      expect(windows.every((w) => typeof w.used === "number" && typeof w.limit === "number")).toBe(true)
    }))

  it.scopedLive("plain numbers are read too, and every spelling of the reset time", () =>
    Effect.gen(function*() {
      const now = Date.now()
      const iso = (seconds: number) => new Date(now + seconds * 1000).toISOString()
      const { result } = yield* setup({
        // CB "parses official numeric values and reset key variants".
        usage: { limit: 1000, used: 40, remaining: 960, resetAt: iso(3 * DAY) },
        limits: [
          rateLimit(300, "TIME_UNIT_MINUTE", { limit: 100, remaining: 99, reset_at: iso(HOUR) }),
          rateLimit(1, "TIME_UNIT_DAY", { limit: "100", used: "50", reset_time: nanos(now, 20 * HOUR) })
        ]
      })
      const windows = reportOf(result, "kimi").windows
      expect(windows.map((w) => [w.windowSeconds, w.usedPercent, w.resetsAt?.toISOString()])).toEqual([
        [18000, 1, iso(HOUR)],
        [DAY, 50, iso(20 * HOUR)],
        [null, 4, iso(3 * DAY)]
      ])
    }))

  it.scopedLive("a count that is no number is a decode error naming the field, never quoting the value", () =>
    Effect.gen(function*() {
      const { result } = yield* setup({
        usage: detail("2048", "512", "1536"),
        limits: [rateLimit(300, "TIME_UNIT_MINUTE", detail("200", "lots-of-requests", "170"))]
      })
      const error = errorOf(result, "kimi")
      expect(error).toMatchObject({
        _tag: "DecodeError",
        reason: "shape",
        issues: { list: [{ path: "limits[0].detail.used", expected: { _tag: "Type", types: ["number"] } }] }
      })
      expect(messageOf(error)).toContain("limits[0].detail.used: expected a number")
      expect(JSON.stringify(result.outcomes)).not.toContain("lots-of-requests")
    }))

  it.scopedLive("\"NaN\" and \"Infinity\" read as numbers by JavaScript are refused all the same", () =>
    Effect.gen(function*() {
      const first = yield* setup({ usage: detail("NaN", "1", "1") })
      expect(errorOf(first.result, "kimi")).toMatchObject({ _tag: "DecodeError", issues: { list: [{ path: "usage.limit" }] } })
      const second = yield* setup({ usage: detail("100", "Infinity", "1") })
      expect(errorOf(second.result, "kimi")).toMatchObject({ _tag: "DecodeError", issues: { list: [{ path: "usage.used" }] } })
    }))

  it.scopedLive("a window without a positive limit is not shown; an answer with neither field is no quota", () =>
    Effect.gen(function*() {
      const { result } = yield* setup({ usage: detail("0", "0", "0"), limits: [] })
      expect(reportOf(result, "kimi").windows).toEqual([])
      const empty = yield* setup({ user: { membership: { level: "LEVEL_BASIC" } } })
      expect(errorOf(empty.result, "kimi")).toMatchObject({ _tag: "DecodeError", reason: "noQuota", fields: ["usage", "limits"] })
    }))

  it.scopedLive("the membership level is the plan; LEVEL_UNSPECIFIED is none", () =>
    Effect.gen(function*() {
      const usage = detail("100", "1", "99")
      const basic = yield* setup({ usage, user: { membership: { level: "LEVEL_BASIC" } } })
      expect(reportOf(basic.result, "kimi").plan).toBe("Basic")
      const unspecified = yield* setup({ usage, user: { membership: { level: "LEVEL_UNSPECIFIED" } } })
      expect(reportOf(unspecified.result, "kimi").plan).toBeNull()
    }))

  it.scopedLive("401 is an HttpError whose fix says what key Kimi wants; other providers still report", () =>
    Effect.gen(function*() {
      const { result } = yield* harness({
        routes: (now) => ({
          [`GET ${PATH}`]: {
            status: 401,
            body: { error: { message: "Invalid Authentication", type: "invalid_authentication_error" } }
          },
          "GET /zen/go/v1/usage": { body: { usage: { weekly: { status: "ok", percent: 5, resetsAt: new Date(now).toISOString() } } } }
        }),
        auth: { "kimi-for-coding": KIMI_ENTRY, "opencode-go": { type: "api", key: "sk-FIXTURE-go-SECRET-other" } }
      })
      const error = errorOf(result, "kimi")
      expect(error).toMatchObject({ _tag: "HttpError", status: 401, detail: "Invalid Authentication", hint: "codeKey" })
      const { message, fix } = describeError("en", error, "Kimi for Coding", 0)
      expect(message).toBe("Kimi for Coding API request failed (HTTP 401 Unauthorized): Invalid Authentication")
      expect(fix).toContain("Kimi Code API key")
      reportOf(result, "opencode-go")
    }))

  it.scopedLive("429 is an HttpError with its Retry-After", () =>
    Effect.gen(function*() {
      const { result } = yield* answering({
        [`GET ${PATH}`]: { status: 429, headers: { "retry-after": "120" }, body: { error: { message: "Too many requests" } } }
      })
      expect(errorOf(result, "kimi")).toMatchObject({ _tag: "HttpError", status: 429, retryAfterSeconds: 120 })
      expect(describeError("en", errorOf(result, "kimi"), "Kimi for Coding", 0).fix).toBe("Rate limited: wait 2m and try again.")
    }))

  it.scopedLive("the key is also read under \"kimi-code\" and \"kimi\"", () =>
    Effect.gen(function*() {
      for (const entry of ["kimi-code", "kimi"]) {
        const { server, result } = yield* setup(kimiUsages(Date.now()), { [entry]: KIMI_ENTRY })
        reportOf(result, "kimi")
        expect(server.requests[0]?.headers.authorization).toBe(`Bearer ${SECRETS.key}`)
      }
    }))

  it.scopedLive("an oauth entry where a key belongs fails Kimi alone, naming the field; OpenCode Go still reports", () =>
    Effect.gen(function*() {
      const { result } = yield* harness({
        routes: { "GET /zen/go/v1/usage": { body: { usage: { rolling: { status: "ok", percent: 1 } } } } },
        auth: {
          "kimi-for-coding": { type: "oauth", access: SECRETS.key, refresh: SECRETS.key, expires: 0 },
          "opencode-go": { type: "api", key: "sk-FIXTURE-go-SECRET-other" }
        }
      })
      const error = errorOf(result, "kimi")
      expect(error).toMatchObject({
        _tag: "CredentialsInvalid",
        entry: "kimi-for-coding",
        issues: { list: [{ path: "type", expected: { _tag: "OneOf", values: ["\"api\""] } }] }
      })
      expect(messageOf(error)).toContain("type: expected one of \"api\"")
      expect(JSON.stringify(result)).not.toContain(SECRETS.key)
      reportOf(result, "opencode-go")
    }))
})
