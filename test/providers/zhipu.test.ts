import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { fakeServer, type Routes } from "../support/FakeServer.js"
import { authEntries, baseUrlEnv, glmFailure, glmLimits, PATHS, SECRETS, zaiRootLimits } from "../support/fixtures.js"
import { home, runWith } from "../support/Home.js"
import { errorOf, reportOf } from "../support/outcomes.js"

const HOUR = 3600_000
const DAY = 24 * HOUR

const setup = (routes: Routes) =>
  Effect.gen(function*() {
    const now = Date.now()
    const server = yield* fakeServer(routes)
    const h = yield* home
    const entries = authEntries(now)
    h.authJson({ "zhipuai-coding-plan": entries["zhipuai-coding-plan"], "zai-coding-plan": entries["zai-coding-plan"] })
    const result = yield* runWith({ HOME: h.dir, ...baseUrlEnv(server.url) })
    return { now, server, result }
  })

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

  it.scopedLive("show every limit: 5-hour and weekly tokens, and the monthly MCP quota with counts", () =>
    Effect.gen(function*() {
      const { now, result } = yield* setup({ [`GET ${PATHS.zhipu}`]: { body: glmLimits(Date.now()) } })
      const report = reportOf(result, "zhipu")
      expect(report.account).toBe("9c89****AQVM")
      expect(report.plan).toBe("Pro")
      expect(report.windows.map((w) => [w.scope?._tag === "Known" ? w.scope.key : null, w.windowSeconds, w.usedPercent]))
        .toEqual([[null, 18000, 25], [null, 604800, 9], ["mcp", 2_628_000, 22]])
      // Token windows carry only a percentage: no counts are invented.
      expect(report.windows[0]).toMatchObject({ used: null, limit: null, unit: null })
      expect(report.windows[2]).toMatchObject({ used: 224, limit: 1000, unit: "calls" })
      expect(Math.abs(report.windows[1]!.resetsAt!.getTime() - (now + 4 * DAY + 2 * HOUR))).toBeLessThan(1500)
      expect(Math.abs(report.windows[2]!.resetsAt!.getTime() - (now + 20 * DAY))).toBeLessThan(1500)
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

  it.scopedLive("a window length that its reset time contradicts is shown without a length", () =>
    Effect.gen(function*() {
      const now = Date.now()
      const { result } = yield* setup({
        [`GET ${PATHS.zhipu}`]: {
          body: {
            success: true,
            data: { limits: [{ type: "TOKENS_LIMIT", unit: 3, number: 5, percentage: 10, nextResetTime: now + 6 * DAY }] }
          }
        }
      })
      expect(reportOf(result, "zhipu").windows[0]).toMatchObject({ windowSeconds: null, usedPercent: 10 })
    }))

  it.scopedLive("a key with surrounding whitespace fails that provider only, naming the field, not the key", () =>
    Effect.gen(function*() {
      const now = Date.now()
      const server = yield* fakeServer({ [`GET ${PATHS.zai}`]: { body: zaiRootLimits(now) } })
      const h = yield* home
      h.authJson({
        "zhipuai-coding-plan": { type: "api", key: `${SECRETS.zhipuKey}\n` },
        "zai-coding-plan": authEntries(now)["zai-coding-plan"]
      })
      const result = yield* runWith({ HOME: h.dir, ...baseUrlEnv(server.url) })
      const error = errorOf(result, "zhipu")
      expect(error).toMatchObject({ _tag: "CredentialsInvalid" })
      expect(JSON.stringify(error)).toContain("zhipuai-coding-plan")
      expect(JSON.stringify(error)).toContain("key: must be a non-empty string without surrounding whitespace")
      expect(JSON.stringify(error)).not.toContain(SECRETS.zhipuKey)
      reportOf(result, "zai")
    }))

  it.scopedLive("an api entry without a key names the missing field", () =>
    Effect.gen(function*() {
      const h = yield* home
      h.authJson({ "zai-coding-plan": { type: "api" } })
      const result = yield* runWith({ HOME: h.dir })
      expect(errorOf(result, "zai")).toMatchObject({ _tag: "CredentialsInvalid", problem: "key: is missing" })
    }))
})
