import { describe, expect, it } from "@effect/vitest"
import { Effect, TestClock } from "effect"
import type { Scenario } from "../../support/FakeServer.js"
import { harness, provideHarness } from "../../support/harness.js"
import { errorOf, reportOf } from "../../support/outcomes.js"
import {
  OPENAI_ACCESS,
  openaiEntry,
  openaiJwt,
  PATH,
  SECRETS,
  whamBusiness,
  whamExtras,
  whamPlus,
  whamWeeklyPrimary
} from "./fixtures.js"

const HOUR = 3600_000
/** A whole second, so that wham's `reset_at` (seconds) lands exactly on the countdowns. */
const NOW = Date.UTC(2026, 10, 22, 2, 56, 5)

/** OpenAI alone, its login `entry` over the fixture's, its endpoint answering `scenario`. */
const setup = (body: unknown, entry: object = {}, scenario: Scenario = { body }) =>
  harness({ routes: { [`GET ${PATH}`]: scenario }, auth: (now) => ({ openai: { ...openaiEntry(now), ...entry } }) })

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

  it.scoped("labels windows by their length with percentages and reset times", () =>
    Effect.gen(function*() {
      yield* TestClock.setTime(NOW)
      const { result } = yield* setup(whamPlus(NOW))
      const windows = reportOf(result, "openai").windows
      expect(windows.map((w) => [w.windowSeconds, w.usedPercent])).toEqual([[18000, 33], [604800, 81]])
      expect(windows[0]!.resetsAt).toEqual(new Date(NOW + 2.5 * HOUR))
    }))

  it.scoped("a window without reset_at resets reset_after_seconds after the run's clock", () =>
    Effect.gen(function*() {
      const body = whamPlus(NOW)
      const { reset_at: _, ...primary } = body.rate_limit.primary_window
      // The answer was built ten minutes before the run asks: the countdown is from the run's own clock.
      yield* TestClock.setTime(NOW + 10 * 60_000)
      const { result } = yield* setup({ ...body, rate_limit: { ...body.rate_limit, primary_window: primary } })
      const windows = reportOf(result, "openai").windows
      expect(windows[0]!.resetsAt).toEqual(new Date(NOW + 10 * 60_000 + 2.5 * HOUR))
      expect(windows[1]!.resetsAt).toEqual(new Date(NOW + (3 * 24 + 4) * HOUR))
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
      expect(report.notes).toEqual([{ _tag: "CreditsBalance", balance: 12.5, unlimited: false }])
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
      expect(report.notes).toContainEqual({ _tag: "CreditsBalance", balance: 0, unlimited: false })
      expect(report.plan).toBe("Prolite")
    }))

  it.scoped("an expired token is TokenExpired and no request is made (never refreshed)", () =>
    Effect.gen(function*() {
      yield* TestClock.setTime(NOW)
      const { result, server } = yield* setup(whamPlus(NOW), { expires: NOW - 3 * HOUR })
      const error = errorOf(result, "openai")
      expect(error).toMatchObject({ _tag: "TokenExpired", expiredAt: NOW - 3 * HOUR })
      expect(server.requests).toHaveLength(0)
    }))

  it.scoped("the token's expiry is read against the run's clock: used until its instant, never from it", () =>
    Effect.gen(function*() {
      yield* TestClock.setTime(NOW)
      const expires = NOW + HOUR
      const { run, server } = yield* provideHarness({
        routes: { [`GET ${PATH}`]: { body: whamPlus(NOW) } },
        auth: { openai: { ...openaiEntry(NOW), expires } }
      })
      yield* TestClock.adjust(HOUR - 1)
      reportOf(yield* run(), "openai")
      expect(server.requests).toHaveLength(1)
      yield* TestClock.adjust(1)
      expect(errorOf(yield* run(), "openai")).toMatchObject({ _tag: "TokenExpired", expiredAt: expires })
      expect(server.requests).toHaveLength(1)
    }))

  it.scoped("a Retry-After date is counted from the run's clock", () =>
    Effect.gen(function*() {
      yield* TestClock.setTime(NOW)
      const retryAt = new Date(NOW + 120_000).toUTCString()
      const { result } = yield* setup(null, {}, { status: 429, headers: { "retry-after": retryAt }, body: { error: "slow down" } })
      expect(errorOf(result, "openai")).toMatchObject({ _tag: "HttpError", status: 429, retryAfterSeconds: 120 })
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
      expect(JSON.stringify(error)).not.toContain(SECRETS.signature)
      // A token the server minted is one we never saw: dropped because it looks like one.
      const minted = yield* setup(null, {}, { status: 403, body: { message: "use sk-srvMINTED0token0abc123 instead" } })
      expect(errorOf(minted.result, "openai")).not.toHaveProperty("detail")
      const prose = yield* setup(null, {}, { status: 403, body: { error: { message: "Your plan does not include Codex" } } })
      expect(errorOf(prose.result, "openai")).toMatchObject({ detail: "Your plan does not include Codex" })
    }))
})
