import { describe, expect, it } from "@effect/vitest"
import { Effect, TestClock } from "effect"
import { describeError } from "../../../src/render/describe.js"
import type { QuotaError } from "../../../src/schema/errors.js"
import { type AccountReport, type Outcome, type RunResult, type Window, windowKey } from "../../../src/schema/report.js"
import type { Routes } from "../../support/FakeServer.js"
import { harness } from "../../support/harness.js"
import { errorOf, messageOf, reportOf } from "../../support/outcomes.js"
import { CHINA_ENTRY, chinaRemains, GLOBAL_ENTRY, globalRemains, PATHS, refusedKey, SECRETS } from "./fixtures.js"

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR
const NOW = Date.UTC(2026, 10, 22, 2, 56, 5)

const BOTH = { "minimax-coding-plan": GLOBAL_ENTRY, "minimax-cn-coding-plan": CHINA_ENTRY }

/** Both platforms configured, their endpoints answering `routes`. */
const setup = (routes: Routes | ((now: number) => Routes), auth: object = BOTH) => harness({ routes, auth })

/** MiniMax's outcomes, one per configured platform, global first. */
const minimax = (result: RunResult): ReadonlyArray<Outcome> => result.outcomes.filter((outcome) => outcome.id === "minimax")

/** The report of MiniMax's `index`-th account (0: global, 1: China, when both are configured). */
const reportAt = (result: RunResult, index: number): AccountReport => {
  const outcome = minimax(result)[index]
  expect(outcome?._tag, JSON.stringify(outcome)).toBe("Reported")
  return (outcome as Extract<Outcome, { _tag: "Reported" }>).report
}

/** The error of MiniMax's `index`-th account. */
const errorAt = (result: RunResult, index: number): QuotaError => {
  const outcome = minimax(result)[index]
  expect(outcome?._tag, JSON.stringify(outcome)).toBe("Failed")
  return (outcome as Extract<Outcome, { _tag: "Failed" }>).error
}

/** A report's windows as [model, length, used %, used, limit, unit]. */
const summary = (windows: ReadonlyArray<Window>) =>
  windows.map((w) => [w.scope?._tag === "Named" ? w.scope.name : null, w.windowSeconds, w.usedPercent, w.used, w.limit, w.unit])

/** One model's lane with every figure given, for tests that change one thing. */
const lane = (now: number, fields: object = {}) => ({
  model_name: "MiniMax-M2",
  start_time: now - HOUR,
  end_time: now + 4 * HOUR,
  current_interval_total_count: 1000,
  current_interval_usage_count: 250,
  current_interval_remaining_percent: "25",
  weekly_end_time: now + 3 * DAY,
  current_weekly_total_count: 5000,
  current_weekly_usage_count: 4000,
  current_weekly_remaining_percent: "80",
  ...fields
})

describe("MiniMax", () => {
  it.scopedLive("asks each platform at its own endpoint with its own key, as a Bearer token", () =>
    Effect.gen(function*() {
      const { server } = yield* setup((now) => ({
        [`GET ${PATHS.global}`]: { body: globalRemains(now) },
        [`GET ${PATHS.china}`]: { body: chinaRemains(now) }
      }))
      const byPath = new Map(server.requests.map((r) => [r.path, r]))
      expect(byPath.get(PATHS.global)?.headers.authorization).toBe(`Bearer ${SECRETS.globalKey}`)
      expect(byPath.get(PATHS.china)?.headers.authorization).toBe(`Bearer ${SECRETS.chinaKey}`)
      expect(server.requests.map((r) => r.method)).toEqual(["GET", "GET"])
    }))

  it.scoped("one entry per platform, each with its plan, windows scoped by model, counts of what was used", () =>
    Effect.gen(function*() {
      yield* TestClock.setTime(NOW)
      const { result } = yield* setup({
        [`GET ${PATHS.global}`]: { body: globalRemains(NOW) },
        [`GET ${PATHS.china}`]: { body: chinaRemains(NOW) }
      })
      expect(minimax(result).map((o) => [o._tag, o.accountKey])).toEqual([["Reported", "sk-c****M1GL"], ["Reported", "sk-c****M2CN"]])
      const first = reportAt(result, 0)
      expect(first).toMatchObject({ account: "sk-c****M1GL", plan: "Plus", notes: [] })
      // `*_usage_count` counts what REMAINS: 300 of 1,500 left is 1,200 used (80 %), not 300 used.
      expect(summary(first.windows)).toEqual([
        ["MiniMax-M2", 18000, 80, 1200, 1500, "requests"],
        ["MiniMax-M2", 604800, 10, 1500, 15000, "requests"]
      ])
      expect(first.windows.map((w) => w.resetsAt)).toEqual([new Date(NOW + 2.5 * HOUR), new Date(NOW + 4 * DAY)])
      expect(first.windows.map(windowKey)).toEqual(["model:minimax-m2:5h", "model:minimax-m2:weekly"])

      const second = reportAt(result, 1)
      expect(second).toMatchObject({ account: "sk-c****M2CN", plan: "Token Plan Plus" })
      // `general` is the plan's own quota (unscoped); its weekly window has a percentage only; speech-hd is counted
      // per day in characters (no unit of ours); `video`, not in the plan, is left out.
      expect(summary(second.windows)).toEqual([
        [null, 18000, 20, 900, 4500, "requests"],
        [null, 604800, 36, null, null, null],
        ["speech-hd", 86400, 25, 2250, 9000, null]
      ])
      expect(second.windows.map((w) => w.resetsAt)).toEqual([
        new Date(NOW + 4 * HOUR),
        new Date(NOW + DAY + 2 * HOUR),
        new Date(NOW + 14 * HOUR)
      ])
      expect(second.windows.map(windowKey)).toEqual(["5h", "weekly", "model:speech-hd:daily"])
    }))

  it.scoped("figures read the same as numbers or as text, at the root or under `data`", () =>
    Effect.gen(function*() {
      yield* TestClock.setTime(NOW)
      const numbers = lane(NOW)
      const text = Object.fromEntries(Object.entries(numbers).map(([k, v]) => [k, typeof v === "number" ? String(v) : v]))
      const { result } = yield* setup({
        [`GET ${PATHS.global}`]: { body: { base_resp: { status_code: 0 }, model_remains: [numbers] } },
        [`GET ${PATHS.china}`]: { body: { data: { base_resp: { status_code: "0" }, model_remains: [text] } } }
      })
      const [global, china] = [reportAt(result, 0), reportAt(result, 1)]
      expect(summary(global.windows)).toEqual([
        ["MiniMax-M2", 18000, 75, 750, 1000, "requests"],
        ["MiniMax-M2", 604800, 20, 1000, 5000, "requests"]
      ])
      expect(china.windows).toEqual(global.windows)
      expect(global.plan).toBeNull()
    }))

  it.scoped("without counts, the remaining percentage alone; without its bounds, an interval's length is not said", () =>
    Effect.gen(function*() {
      yield* TestClock.setTime(NOW)
      const { result } = yield* setup({
        [`GET ${PATHS.global}`]: {
          body: {
            model_remains: [{
              model_name: "general",
              remains_time: 90 * MINUTE,
              current_interval_total_count: 0,
              current_interval_usage_count: 0,
              current_interval_remaining_percent: "96",
              weekly_remains_time: 2 * DAY,
              current_weekly_remaining_percent: 99.5
            }]
          }
        }
      }, { "minimax-coding-plan": GLOBAL_ENTRY })
      const report = reportOf(result, "minimax")
      expect(report.windows).toEqual([
        { scope: null, windowSeconds: null, usedPercent: 4, resetsAt: new Date(NOW + 90 * MINUTE), used: null, limit: null, unit: null },
        { scope: null, windowSeconds: 604800, usedPercent: 0.5, resetsAt: new Date(NOW + 2 * DAY), used: null, limit: null, unit: null }
      ])
    }))

  it.scopedLive("a lane with zero totals and 100 % left is not in the plan, unless its status says it is in use", () =>
    Effect.gen(function*() {
      const outside = { current_interval_total_count: 0, current_interval_usage_count: 0, current_interval_remaining_percent: "100" }
      const { result } = yield* setup((now) => ({
        [`GET ${PATHS.global}`]: {
          body: {
            model_remains: [
              lane(now, { model_name: "video", ...outside, current_weekly_total_count: "0", current_weekly_usage_count: "0", current_weekly_remaining_percent: "100" }),
              lane(now, { model_name: "MiniMax-M2", ...outside, current_interval_status: 1 })
            ]
          }
        }
      }), { "minimax-coding-plan": GLOBAL_ENTRY })
      // video: both windows gone; MiniMax-M2's fresh interval (status 1) stays, unused.
      expect(summary(reportOf(result, "minimax").windows)).toEqual([
        ["MiniMax-M2", 18000, 0, null, null, null],
        ["MiniMax-M2", 604800, 20, 1000, 5000, "requests"]
      ])
    }))

  it.scopedLive("a percentage that is no number is a decode error naming the field, never its value", () =>
    Effect.gen(function*() {
      const { result } = yield* setup((now) => ({
        [`GET ${PATHS.global}`]: { body: { model_remains: [lane(now, { current_interval_remaining_percent: "96%SECRETISH" })] } },
        [`GET ${PATHS.china}`]: { body: chinaRemains(now) }
      }))
      reportAt(result, 1)
      const error = errorAt(result, 0)
      expect(error).toMatchObject({
        _tag: "DecodeError",
        reason: "shape",
        issues: { list: [{ path: "model_remains[0].current_interval_remaining_percent", expected: { _tag: "Type", types: ["number"] } }] }
      })
      expect(messageOf(error)).toContain("model_remains[0].current_interval_remaining_percent: expected a number")
      expect(JSON.stringify(result.outcomes)).not.toContain("SECRETISH")
    }))

  it.scopedLive("base_resp.status_code ≠ 0 in a 200 is an ApiError with MiniMax's code and message; the other platform still reports", () =>
    Effect.gen(function*() {
      const { result } = yield* setup((now) => ({
        [`GET ${PATHS.global}`]: { body: globalRemains(now) },
        [`GET ${PATHS.china}`]: { body: { data: refusedKey } }
      }))
      reportAt(result, 0)
      const error = errorAt(result, 1)
      expect(error).toMatchObject({ _tag: "ApiError", service: "MiniMax", code: "1004", detail: "login fail" })
      expect(messageOf(error)).toBe("MiniMax API request failed (1004): login fail")
      expect(minimax(result)[1]).toMatchObject({ account: "sk-c****M2CN", accountKey: "sk-c****M2CN" })
    }))

  it.scopedLive("an error message that echoes the key or looks like a token is not quoted", () =>
    Effect.gen(function*() {
      const { result } = yield* setup({
        [`GET ${PATHS.global}`]: (request) => ({ body: { base_resp: { status_code: 1004, status_msg: `bad ${request.headers.authorization}` } } }),
        [`GET ${PATHS.china}`]: { body: { base_resp: { status_code: 2049, status_msg: "token srvMINTED9token9abcdef1234 invalid" } } }
      })
      expect([errorAt(result, 0), errorAt(result, 1)]).toMatchObject([
        { _tag: "ApiError", code: "1004", detail: "" },
        { _tag: "ApiError", code: "2049", detail: "" }
      ])
      expect(JSON.stringify(result.outcomes)).not.toContain("SECRET")
    }))

  it.scopedLive("HTTP 401 says which platform a key belongs to; 429 keeps Retry-After", () =>
    Effect.gen(function*() {
      const { result } = yield* setup({
        [`GET ${PATHS.global}`]: { status: 401, body: { base_resp: { status_code: 1004, status_msg: "invalid api key" } } },
        [`GET ${PATHS.china}`]: { status: 429, headers: { "retry-after": "60" }, body: {} }
      })
      const [refused, limited] = [errorAt(result, 0), errorAt(result, 1)]
      expect(refused).toMatchObject({ _tag: "HttpError", status: 401, hint: "keyRefused" })
      const { fix } = describeError("en", refused, "MiniMax", 0)
      expect(fix).toContain("`minimax-cn-coding-plan`")
      expect(describeError("zh-CN", refused, "MiniMax", 0).fix).toContain("minimaxi.com（中国版）")
      expect(limited).toMatchObject({ _tag: "HttpError", status: 429, retryAfterSeconds: 60 })
      expect(limited).not.toHaveProperty("hint")
    }))

  it.scopedLive("{} is not an empty plan: none of the fields that carry the quota is there", () =>
    Effect.gen(function*() {
      const { result } = yield* setup({ [`GET ${PATHS.global}`]: { body: { base_resp: { status_code: 0 } } } }, {
        "minimax-coding-plan": GLOBAL_ENTRY
      })
      expect(errorOf(result, "minimax")).toMatchObject({ _tag: "DecodeError", reason: "noQuota", fields: ["data.model_remains", "model_remains"] })
    }))

  it.scopedLive("the China platform alone, under OpenCode's other spelling of its entry", () =>
    Effect.gen(function*() {
      const { result, server } = yield* setup((now) => ({ [`GET ${PATHS.china}`]: { body: chinaRemains(now) } }), {
        "minimax-china-coding-plan": CHINA_ENTRY
      })
      expect(minimax(result).map((o) => o._tag)).toEqual(["Reported"])
      expect(reportOf(result, "minimax").account).toBe("sk-c****M2CN")
      expect(server.requests.map((r) => r.path)).toEqual([PATHS.china])
    }))

  it.scopedLive("a wrong-shape entry fails its platform alone, naming the field, not the key", () =>
    Effect.gen(function*() {
      const { result } = yield* setup((now) => ({ [`GET ${PATHS.china}`]: { body: chinaRemains(now) } }), {
        "minimax-coding-plan": { type: "oauth", access: SECRETS.globalKey, refresh: SECRETS.globalKey, expires: 0 },
        "minimax-cn-coding-plan": CHINA_ENTRY
      })
      reportAt(result, 1)
      expect(minimax(result)[0]).toMatchObject({ _tag: "Failed", account: null, accountKey: "minimax-coding-plan" })
      const error = errorAt(result, 0)
      expect(error).toMatchObject({ _tag: "CredentialsInvalid", entry: "minimax-coding-plan" })
      expect(JSON.stringify(result.outcomes)).not.toContain(SECRETS.globalKey)
    }))

  it.scopedLive("a key with surrounding whitespace is a credential error for that platform only", () =>
    Effect.gen(function*() {
      const { result } = yield* setup((now) => ({ [`GET ${PATHS.global}`]: { body: globalRemains(now) } }), {
        "minimax-coding-plan": GLOBAL_ENTRY,
        "minimax-cn-coding-plan": { type: "api", key: ` ${SECRETS.chinaKey}\n` }
      })
      reportAt(result, 0)
      const error = errorAt(result, 1)
      expect(error).toMatchObject({
        _tag: "CredentialsInvalid",
        entry: "minimax-cn-coding-plan",
        issues: { list: [{ path: "key", expected: { _tag: "Secret" } }] }
      })
      expect(messageOf(error)).toContain("key: must be a non-empty string without surrounding whitespace")
      expect(JSON.stringify(result.outcomes)).not.toContain(SECRETS.chinaKey)
    }))
})
