import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { fakeServer, type Scenario } from "../support/FakeServer.js"
import {
  authEntries,
  baseUrlEnv,
  OPENAI_ACCESS,
  openaiJwt,
  PATHS,
  SECRETS,
  whamBusiness,
  whamExtras,
  whamPlus,
  whamWeeklyPrimary
} from "../support/fixtures.js"
import { home, runWith } from "../support/Home.js"
import { errorOf, reportOf } from "../support/outcomes.js"

const HOUR = 3600_000

const setup = (body: unknown, entry: object = {}, scenario: Scenario = { body }) =>
  Effect.gen(function*() {
    const now = Date.now()
    const server = yield* fakeServer({ [`GET ${PATHS.openai}`]: scenario })
    const h = yield* home
    h.authJson({ openai: { ...authEntries(now).openai, ...entry } })
    const result = yield* runWith({ HOME: h.dir, ...baseUrlEnv(server.url) })
    return { now, server, result }
  })

describe("OpenAI", () => {
  it.scopedLive("sends the bearer token and the stored accountId, and reads email and plan", () =>
    Effect.gen(function*() {
      const now = Date.now()
      const { result, server } = yield* setup(whamPlus(now), { accountId: "acc-explicit" })
      expect(server.requests).toHaveLength(1)
      const [request] = server.requests
      expect(request!.method).toBe("GET")
      expect(request!.path).toBe("/backend-api/wham/usage")
      expect(request!.headers.authorization).toBe(`Bearer ${OPENAI_ACCESS}`)
      expect(request!.headers["chatgpt-account-id"]).toBe("acc-explicit")
      const report = reportOf(result, "openai")
      expect(report.account).toBe("dev@example.com")
      expect(report.plan).toBe("Plus")
    }))

  it.scopedLive("falls back to the JWT's account id claim and email", () =>
    Effect.gen(function*() {
      const access = openaiJwt({ accountId: "acc-claim", email: "jwt@example.com" })
      const body = { ...whamPlus(Date.now()), email: undefined }
      const { result, server } = yield* setup(body, { access })
      expect(server.requests[0]!.headers["chatgpt-account-id"]).toBe("acc-claim")
      expect(reportOf(result, "openai").account).toBe("jwt@example.com")
    }))

  it.scopedLive("labels windows by their length with percentages and reset times", () =>
    Effect.gen(function*() {
      const now = Date.now()
      const { result } = yield* setup(whamPlus(now))
      const windows = reportOf(result, "openai").windows
      expect(windows.map((w) => [w.windowSeconds, w.usedPercent])).toEqual([[18000, 33], [604800, 81]])
      const reset = windows[0]!.resetsAt!.getTime()
      expect(Math.abs(reset - (now + 2.5 * HOUR))).toBeLessThan(1500)
    }))

  it.scopedLive("a weekly primary window with a null secondary is weekly, not 5-hour", () =>
    Effect.gen(function*() {
      const { result } = yield* setup(whamWeeklyPrimary(Date.now()))
      const report = reportOf(result, "openai")
      expect(report.windows.map((w) => w.windowSeconds)).toEqual([604800])
      expect(report.plan).toBe("Pro")
    }))

  it.scopedLive("rate_limit null leaves no windows and shows a numeric credits balance", () =>
    Effect.gen(function*() {
      const { result } = yield* setup(whamBusiness())
      const report = reportOf(result, "openai")
      expect(report.windows).toEqual([])
      expect(report.notes).toEqual([{ _tag: "CreditsBalance", balance: "12.5", unlimited: false }])
    }))

  it.scopedLive("code review and additional limits are extra windows; limit_reached is a note", () =>
    Effect.gen(function*() {
      const { result } = yield* setup(whamExtras(Date.now()))
      const report = reportOf(result, "openai")
      expect(report.windows.map((w) => [w.scope, w.windowSeconds, w.usedPercent])).toEqual([
        [null, 18000, 100],
        [null, 604800, 55],
        [{ _tag: "Known", key: "codeReview" }, 604800, 10],
        [{ _tag: "Named", name: "GPT-5.3-Codex-Spark" }, 18000, 20],
        [{ _tag: "Named", name: "GPT-5.3-Codex-Spark" }, 604800, 5]
      ])
      expect(report.notes).toContainEqual({ _tag: "LimitReached" })
      expect(report.notes).toContainEqual({ _tag: "CreditsBalance", balance: "0", unlimited: false })
      expect(report.plan).toBe("Prolite")
    }))

  it.scopedLive("an expired token is TokenExpired and no request is made (never refreshed)", () =>
    Effect.gen(function*() {
      const now = Date.now()
      const { result, server } = yield* setup(whamPlus(now), { expires: now - 3 * HOUR })
      const error = errorOf(result, "openai")
      expect(error._tag).toBe("TokenExpired")
      expect(server.requests).toHaveLength(0)
    }))

  it.scopedLive("an api-key entry under openai is not a subscription: absent, not an error", () =>
    Effect.gen(function*() {
      const { result, server } = yield* setup(whamPlus(Date.now()), {
        type: "api",
        key: "sk-FIXTURE-SECRET-apikey",
        access: undefined,
        refresh: undefined,
        expires: undefined
      })
      expect(result.outcomes).toEqual([])
      expect(server.requests).toHaveLength(0)
    }))

  it.scopedLive("an error answer that echoes the token is not quoted at all; plain prose is", () =>
    Effect.gen(function*() {
      const echoed = yield* setup(null, {}, {
        status: 401,
        body: { error: { message: `invalid token ${OPENAI_ACCESS}` } }
      })
      const error = errorOf(echoed.result, "openai")
      expect(error).toMatchObject({ _tag: "HttpError", status: 401 })
      expect(error._tag === "HttpError" && error.detail).toBeFalsy()
      expect(JSON.stringify(error)).not.toContain(SECRETS.openaiSignature)
      // A token the server minted is one we never saw: dropped because it looks like one.
      const minted = yield* setup(null, {}, { status: 403, body: { message: "use sk-srvMINTED0token0abc123 instead" } })
      expect(errorOf(minted.result, "openai")).not.toHaveProperty("detail")
      const prose = yield* setup(null, {}, { status: 403, body: { error: { message: "Your plan does not include Codex" } } })
      expect(errorOf(prose.result, "openai")).toMatchObject({ detail: "Your plan does not include Codex" })
    }))
})
