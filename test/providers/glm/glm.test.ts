import { describe, expect, it } from "@effect/vitest"
import { Effect, TestClock } from "effect"
import type { Routes } from "../../support/FakeServer.js"
import { harness, provideHarness } from "../../support/harness.js"
import { errorOf, messageOf, reportOf } from "../../support/outcomes.js"
import { glmFailure, glmLimits, PATHS, SECRETS, ZAI_ENTRY, ZHIPU_ENTRY, zaiRootLimits } from "./fixtures.js"

const HOUR = 3600_000
const DAY = 24 * HOUR
const NOW = Date.UTC(2026, 10, 22, 2, 56, 5)

const BOTH = { "zhipuai-coding-plan": ZHIPU_ENTRY, "zai-coding-plan": ZAI_ENTRY }

/** Zhipu AI and Z.ai both configured, their endpoints answering `routes`. */
const setup = (routes: Routes) => harness({ routes, auth: BOTH })

describe("Zhipu AI and Z.ai", () => {
  it.scopedLive("send the raw key to each platform's quota endpoint", () =>
    Effect.gen(function*() {
      const now = Date.now()
      const { server } = yield* setup({ [`GET ${PATHS.zhipu}`]: { body: glmLimits(now) }, [`GET ${PATHS.zai}`]: { body: glmLimits(now) } })
      const byPath = new Map(server.requests.map((r) => [r.path, r]))
      expect(byPath.get(PATHS.zhipu)?.headers.authorization).toBe(SECRETS.zhipuKey)
      expect(byPath.get(PATHS.zai)?.headers.authorization).toBe(SECRETS.zaiKey)
      expect(server.requests.every((r) => r.method === "GET")).toBe(true)
    }))

  it.scoped("show every limit: 5-hour and weekly tokens, and the monthly MCP quota with counts", () =>
    Effect.gen(function*() {
      yield* TestClock.setTime(NOW)
      const { result } = yield* setup({ [`GET ${PATHS.zhipu}`]: { body: glmLimits(NOW) } })
      const report = reportOf(result, "zhipu")
      expect(report.account).toBe("9c89****AQVM")
      expect(report.plan).toBe("Pro")
      expect(report.windows.map((w) => [w.scope?._tag === "Known" ? w.scope.key : null, w.windowSeconds, w.usedPercent]))
        .toEqual([[null, 18000, 25], [null, 604800, 9], ["mcp", 2_628_000, 22]])
      // Token windows carry only a percentage: no counts are invented.
      expect(report.windows[0]).toMatchObject({ used: null, limit: null, unit: null })
      expect(report.windows[2]).toMatchObject({ used: 224, limit: 1000, unit: "calls" })
      expect(report.windows.map((w) => w.resetsAt)).toEqual([
        new Date(NOW + 2.5 * HOUR),
        new Date(NOW + 4 * DAY + 2 * HOUR),
        new Date(NOW + 20 * DAY)
      ])
    }))

  it.scopedLive("Z.ai's root-level limits are read, and a -1 reset time is no reset time", () =>
    Effect.gen(function*() {
      const { result } = yield* setup({ [`GET ${PATHS.zai}`]: { body: zaiRootLimits(Date.now()) } })
      const report = reportOf(result, "zai")
      expect(report.account).toBe("5b1e****Z7QX")
      expect(report.windows.map((w) => [w.windowSeconds, w.usedPercent, w.resetsAt === null])).toEqual([
        [18000, 85, false],
        [2_628_000, 40, true]
      ])
    }))

  it.scopedLive("HTTP 200 with success:false is an ApiError with the provider's code and message", () =>
    Effect.gen(function*() {
      const { result } = yield* setup({
        [`GET ${PATHS.zhipu}`]: { body: glmFailure },
        [`GET ${PATHS.zai}`]: { body: zaiRootLimits(Date.now()) }
      })
      expect(errorOf(result, "zhipu")).toMatchObject({ _tag: "ApiError", service: "Zhipu", code: "401", detail: "Invalid API key" })
      reportOf(result, "zai")
    }))

  it.scopedLive("success:false whose message or code echoes the key or looks like a token quotes neither", () =>
    Effect.gen(function*() {
      const { result } = yield* setup({
        [`GET ${PATHS.zhipu}`]: (request) => ({ body: { success: false, code: String(request.headers.authorization), msg: `bad key ${request.headers.authorization}` } }),
        [`GET ${PATHS.zai}`]: { body: { success: false, code: 1001, msg: "token srvMINTED9token9abcdef1234 issued" } }
      })
      expect(errorOf(result, "zhipu")).toMatchObject({ _tag: "ApiError", code: "unknown", detail: "" })
      expect(errorOf(result, "zai")).toMatchObject({ _tag: "ApiError", code: "1001", detail: "" })
      expect(JSON.stringify(result.outcomes)).not.toContain(SECRETS.zhipuKey)
    }))

  it.scoped("a window length that its reset time contradicts is shown without a length", () =>
    Effect.gen(function*() {
      yield* TestClock.setTime(NOW)
      const limit = (resetAt: number) => ({
        success: true,
        data: { limits: [{ type: "TOKENS_LIMIT", unit: 3, number: 5, percentage: 10, nextResetTime: resetAt }] }
      })
      const { run } = yield* provideHarness({
        routes: { [`GET ${PATHS.zhipu}`]: { body: limit(NOW + 6 * DAY) }, [`GET ${PATHS.zai}`]: { body: limit(NOW + 7 * HOUR) } },
        auth: BOTH
      })
      const first = yield* run()
      expect(reportOf(first, "zhipu").windows[0]).toMatchObject({ windowSeconds: null, usedPercent: 10 })
      // Counted from the run's clock: a reset 7 hours away is too far for a 5-hour window, one 6 hours away is not.
      expect(reportOf(first, "zai").windows[0]).toMatchObject({ windowSeconds: null, usedPercent: 10 })
      yield* TestClock.adjust(HOUR)
      expect(reportOf(yield* run(), "zai").windows[0]).toMatchObject({ windowSeconds: 18000, usedPercent: 10 })
    }))

  it.scopedLive("a key with surrounding whitespace fails that provider only, naming the field, not the key", () =>
    Effect.gen(function*() {
      const { result } = yield* harness({
        routes: (now) => ({ [`GET ${PATHS.zai}`]: { body: zaiRootLimits(now) } }),
        auth: { "zhipuai-coding-plan": { type: "api", key: `${SECRETS.zhipuKey}\n` }, "zai-coding-plan": ZAI_ENTRY }
      })
      const error = errorOf(result, "zhipu")
      expect(error).toMatchObject({ _tag: "CredentialsInvalid" })
      expect(error).toMatchObject({ entry: "zhipuai-coding-plan", issues: { list: [{ path: "key", expected: { _tag: "Secret" } }] } })
      expect(messageOf(error)).toContain("key: must be a non-empty string without surrounding whitespace")
      expect(JSON.stringify(error)).not.toContain(SECRETS.zhipuKey)
      reportOf(result, "zai")
    }))

  it.scopedLive("an api entry without a key names the missing field", () =>
    Effect.gen(function*() {
      const { result } = yield* harness({ routes: {}, auth: { "zai-coding-plan": { type: "api" } } })
      const error = errorOf(result, "zai")
      expect(error).toMatchObject({ _tag: "CredentialsInvalid", issues: { list: [{ path: "key", expected: { _tag: "Missing" } }] } })
      expect(messageOf(error)).toContain("key: is missing")
    }))
})
