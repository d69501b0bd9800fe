import { describe, expect, it } from "@effect/vitest"
import { Effect, TestClock } from "effect"
import { nextReset } from "../../../src/providers/openrouter/index.js"
import { describeError, notesOf } from "../../../src/render/describe.js"
import { toJson } from "../../../src/render/json.js"
import { renderText } from "../../../src/render/text.js"
import { windowKey } from "../../../src/schema/report.js"
import type { Routes } from "../../support/FakeServer.js"
import { harness } from "../../support/harness.js"
import { errorOf, messageOf, reportOf } from "../../support/outcomes.js"
import { CREDITS_PATH, credits, KEY_PATH, keyInfo, OPENROUTER_ENTRY, SECRETS, unlimitedKey } from "./fixtures.js"

const DAY = 86400
/** A Sunday, 22 November 2026, 02:56:05.123 UTC. */
const NOW = Date.UTC(2026, 10, 22, 2, 56, 5, 123)

const answering = (routes: Routes) => harness({ routes, auth: { openrouter: OPENROUTER_ENTRY } })
/** OpenRouter configured, its key endpoint answering `key` and its credits endpoint `balance`. */
const setup = (key: unknown, balance: unknown = credits()) =>
  answering({ [`GET ${KEY_PATH}`]: { body: key }, [`GET ${CREDITS_PATH}`]: { body: balance } })

describe("OpenRouter", () => {
  it.scopedLive("asks GET /api/v1/key and GET /api/v1/credits at once, each with the key as a Bearer token", () =>
    Effect.gen(function*() {
      const arrived: Array<number> = []
      const slow = (body: object) => () => {
        arrived.push(Date.now())
        return { body, delayMs: 300 }
      }
      const { server, result } = yield* answering({ [`GET ${KEY_PATH}`]: slow(keyInfo()), [`GET ${CREDITS_PATH}`]: slow(credits()) })
      reportOf(result, "openrouter")
      expect(server.requests.map((r) => [r.method, r.path, r.headers.authorization]).sort()).toEqual([
        ["GET", CREDITS_PATH, `Bearer ${SECRETS.key}`],
        ["GET", KEY_PATH, `Bearer ${SECRETS.key}`]
      ])
      // One round trip: the second request left before the first was answered.
      expect(arrived).toHaveLength(2)
      expect(Math.abs(arrived[1]! - arrived[0]!)).toBeLessThan(250)
    }))

  it.scoped("a key with a monthly limit: money left of the limit, reset on the 1st at 00:00 UTC; credits and spending as notes", () =>
    Effect.gen(function*() {
      yield* TestClock.setTime(NOW)
      const { result } = yield* setup(keyInfo())
      const report = reportOf(result, "openrouter")
      expect(report).toEqual({
        account: "sk-o****C3D4",
        plan: null,
        windows: [{
          scope: { _tag: "Known", key: "keyLimit" },
          windowSeconds: 30 * DAY,
          usedPercent: 75.32,
          resetsAt: new Date(Date.UTC(2026, 11, 1)),
          used: 37.66,
          limit: 50,
          unit: null,
          currency: "USD"
        }],
        notes: [
          { _tag: "MoneyLeft", amount: 61.75, currency: "USD" },
          { _tag: "MoneySpent", today: 1.2, week: 8.4, month: 37.66, currency: "USD" }
        ]
      })
      expect(windowKey(report.windows[0]!)).toBe("key-limit:monthly")
      const text = renderText(result, { lang: "en", color: false })
      expect(text).toContain("  Key limit · Monthly  █████░░░░░░░░░░░░░░░  $12.34 left of $50.00  $37.66 / $50.00 used  Resets in 8d 21h")
      expect(text).toContain("\n  Credits left: $61.75\n  Spent: $1.20 today, $8.40 this week, $37.66 this month\n")
      const json = toJson(result, "en").providers.find((p) => p.id === "openrouter")!
      expect(json.windows[0]).toMatchObject({ used: 37.66, limit: 50, unit: null, currency: "USD", remainingPercent: 24.68 })
      expect(json.notes).toEqual(["Credits left: $61.75", "Spent: $1.20 today, $8.40 this week, $37.66 this month"])
    }))

  it.scoped("a key without a limit has no window and no percentage: the balance is money", () =>
    Effect.gen(function*() {
      yield* TestClock.setTime(NOW)
      const { result } = yield* setup(unlimitedKey)
      const report = reportOf(result, "openrouter")
      expect(report.windows).toEqual([])
      const text = renderText(result, { lang: "en", color: false })
      expect(text).toContain("OpenRouter · sk-o****C3D4\n  No limits reported for this account\n  Credits left: $61.75\n")
      expect(text).not.toMatch(/OpenRouter[^\n]*\n[^\n]*%/)
      expect(toJson(result, "en").providers.find((p) => p.id === "openrouter")!.windows).toEqual([])
    }))

  it.scoped("limit_reset: daily resets at the next UTC midnight, weekly on Monday 00:00 UTC, monthly on the 1st; null and unknown values have none", () =>
    Effect.gen(function*() {
      yield* TestClock.setTime(NOW)
      const windowOf = (reset: string | null) =>
        Effect.map(setup(keyInfo({ limit_reset: reset })), ({ result }) => reportOf(result, "openrouter").windows[0]!)
      const daily = yield* windowOf("daily")
      expect([daily.windowSeconds, daily.resetsAt]).toEqual([DAY, new Date(Date.UTC(2026, 10, 23))])
      const weekly = yield* windowOf("weekly")
      // NOW is a Sunday: the week ends tonight.
      expect([weekly.windowSeconds, weekly.resetsAt]).toEqual([7 * DAY, new Date(Date.UTC(2026, 10, 23))])
      const monthly = yield* windowOf("MONTHLY")
      expect([monthly.windowSeconds, monthly.resetsAt]).toEqual([30 * DAY, new Date(Date.UTC(2026, 11, 1))])
      for (const reset of [null, "yearly"]) {
        const none = yield* windowOf(reset)
        expect([none.windowSeconds, none.resetsAt, windowKey(none)]).toEqual([null, null, "key-limit"])
      }
    }))

  it("the next weekly reset is always a Monday, a week at most away; the month's rolls into the next year", () => {
    for (let day = 0; day < 14; day++) {
      const now = Date.UTC(2026, 10, 16 + day, 13)
      const reset = nextReset("weekly", now)
      expect(reset.getUTCDay()).toBe(1)
      expect(reset.getTime() - now).toBeGreaterThan(0)
      expect(reset.getTime() - now).toBeLessThanOrEqual(7 * DAY * 1000)
    }
    expect(nextReset("monthly", Date.UTC(2026, 11, 31, 23, 59))).toEqual(new Date(Date.UTC(2027, 0, 1)))
    expect(nextReset("daily", Date.UTC(2026, 11, 31, 0, 0))).toEqual(new Date(Date.UTC(2027, 0, 1)))
  })

  it.scopedLive("without limit_remaining, what is left is the limit less the period's spending (CB goldens), or less `usage` with no reset", () =>
    Effect.gen(function*() {
      // CB "missing remaining falls back to reset window usage".
      const monthly = yield* setup({ data: { limit: 500, limit_reset: "monthly", usage: 433.286754736, usage_monthly: 45.457405021 } })
      expect(reportOf(monthly.result, "openrouter").windows[0]).toMatchObject({ used: 45.457405, limit: 500 })
      expect(reportOf(monthly.result, "openrouter").windows[0]!.usedPercent).toBeCloseTo(9.0914810042, 5)
      // CB "key quota fixture matches the production golden": {"limit":20,"usage":5} is 25 % used.
      const bare = yield* setup({ data: { limit: 20, usage: 5 } })
      expect(reportOf(bare.result, "openrouter").windows[0]).toMatchObject({ used: 5, limit: 20, usedPercent: 25, windowSeconds: null })
    }))

  it.scopedLive("an older answer (docs.rs openrouter 0.2.0 `responses/key.json`: no limit_reset, no usage_* fields) still reads", () =>
    Effect.gen(function*() {
      const { result } = yield* setup({
        data: {
          label: "sk-or-v1-116...0ce",
          limit: 5,
          usage: 0.1015644762,
          is_provisioning_key: false,
          limit_remaining: 4.8984355238,
          is_free_tier: false,
          rate_limit: { requests: 50, interval: "10s" }
        }
      })
      const report = reportOf(result, "openrouter")
      expect(report.windows).toMatchObject([{ used: 0.101564, limit: 5, windowSeconds: null, resetsAt: null, currency: "USD" }])
      // No spending figures: no spending note.
      expect(notesOf("en", "OpenRouter", report)).toEqual(["Credits left: $61.75"])
    }))

  it.scopedLive("past the limit (a negative limit_remaining, CB \"negative server remaining\") is over quota, with a warning", () =>
    Effect.gen(function*() {
      const { result } = yield* setup(keyInfo({ limit_remaining: -5 }))
      expect(reportOf(result, "openrouter").windows[0]).toMatchObject({ used: 55, limit: 50 })
      expect(reportOf(result, "openrouter").windows[0]!.usedPercent).toBeCloseTo(110, 9)
      const text = renderText(result, { lang: "en", color: false })
      expect(text).toMatch(/Key limit · Monthly +░+ +Over quota +\$55\.00 \/ \$50\.00 used/)
      expect(text).toContain("⚠ Key limit · Monthly: 110% used")
    }))

  it.scopedLive("credits: the balance is total_credits − total_usage, overdrawn shown with its sign; a half answer is a decode error", () =>
    Effect.gen(function*() {
      const overdrawn = yield* setup(unlimitedKey, credits(10, 10.5))
      expect(notesOf("en", "OpenRouter", reportOf(overdrawn.result, "openrouter"))[0]).toBe("Credits left: -$0.50")
      const half = yield* setup(unlimitedKey, { data: { total_credits: 10 } })
      expect(errorOf(half.result, "openrouter")).toMatchObject({
        _tag: "DecodeError",
        reason: "shape",
        issues: { list: [{ path: "data.total_usage", expected: { _tag: "Missing" } }] }
      })
    }))

  for (const status of [401, 403]) {
    it.scopedLive(`credits refused (${status}: they take a management key) still shows the key's limit and spending, and says the balance is hidden`, () =>
      Effect.gen(function*() {
        const { result } = yield* answering({
          [`GET ${KEY_PATH}`]: { body: keyInfo() },
          [`GET ${CREDITS_PATH}`]: { status, body: { error: { code: status, message: "Only management keys can fetch credits" } } }
        })
        const report = reportOf(result, "openrouter")
        expect(report.windows).toHaveLength(1)
        expect(report.notes[0]).toEqual({ _tag: "BalanceHidden" })
        expect(notesOf("en", "OpenRouter", report)).toEqual([
          "Credits left: not shown (OpenRouter does not let this API key read the account's balance)",
          "Spent: $1.20 today, $8.40 this week, $37.66 this month"
        ])
      }))
  }

  it.scopedLive("401 at /api/v1/key fails the account with OpenRouter's own fix; other providers still report", () =>
    Effect.gen(function*() {
      const { result } = yield* harness({
        routes: (now) => ({
          [`GET ${KEY_PATH}`]: { status: 401, body: { error: { code: 401, message: "User not found." } } },
          [`GET ${CREDITS_PATH}`]: { status: 401, body: { error: { code: 401, message: "User not found." } } },
          "GET /zen/go/v1/usage": { body: { usage: { weekly: { status: "ok", percent: 5, resetsAt: new Date(now).toISOString() } } } }
        }),
        auth: { openrouter: OPENROUTER_ENTRY, "opencode-go": { type: "api", key: "sk-FIXTURE-go-SECRET-other" } }
      })
      const error = errorOf(result, "openrouter")
      expect(error).toMatchObject({ _tag: "HttpError", status: 401, endpoint: expect.stringContaining(KEY_PATH), hint: "apiKey" })
      const { fix, message } = describeError("en", error, "OpenRouter", 0)
      expect(message).toBe("OpenRouter API request failed (HTTP 401 Unauthorized): User not found.")
      expect(fix).toContain("https://openrouter.ai/settings/keys")
      reportOf(result, "opencode-go")
    }))

  it.scopedLive("429 at either endpoint is an HttpError with its Retry-After", () =>
    Effect.gen(function*() {
      for (const path of [KEY_PATH, CREDITS_PATH]) {
        const { result } = yield* answering({
          [`GET ${KEY_PATH}`]: { body: keyInfo() },
          [`GET ${CREDITS_PATH}`]: { body: credits() },
          [`GET ${path}`]: { status: 429, headers: { "retry-after": "120" }, body: { error: { message: "Rate limit exceeded" } } }
        })
        expect(errorOf(result, "openrouter"), path).toMatchObject({ _tag: "HttpError", status: 429, retryAfterSeconds: 120 })
        expect(describeError("en", errorOf(result, "openrouter"), "OpenRouter", 0).fix).toBe("Rate limited: wait 2m and try again.")
      }
    }))

  it.scopedLive("{} from either endpoint is no quota, naming the fields looked for", () =>
    Effect.gen(function*() {
      const key = yield* setup({}, credits())
      expect(errorOf(key.result, "openrouter")).toMatchObject({ _tag: "DecodeError", reason: "noQuota", fields: ["data.usage", "data.limit"] })
      const balance = yield* setup(keyInfo(), {})
      expect(errorOf(balance.result, "openrouter")).toMatchObject({ _tag: "DecodeError", reason: "noQuota", fields: ["data"] })
    }))

  it.scopedLive("an amount that is no number is a decode error naming the field, never quoting the value", () =>
    Effect.gen(function*() {
      // CB "malformed key enrichment": {"limit":"twenty"}.
      const { result } = yield* setup(keyInfo({ limit: "twenty" }))
      expect(errorOf(result, "openrouter")).toMatchObject({ _tag: "DecodeError", issues: { list: [{ path: "data.limit" }] } })
      expect(messageOf(errorOf(result, "openrouter"))).toContain("data.limit: expected a number")
      expect(JSON.stringify(result.outcomes)).not.toContain("twenty")
    }))

  it.scopedLive("an oauth entry where a key belongs fails OpenRouter alone, naming the field", () =>
    Effect.gen(function*() {
      const { result } = yield* harness({
        routes: { "GET /zen/go/v1/usage": { body: { usage: { rolling: { status: "ok", percent: 1 } } } } },
        auth: {
          openrouter: { type: "oauth", access: SECRETS.key, refresh: SECRETS.key, expires: 0 },
          "opencode-go": { type: "api", key: "sk-FIXTURE-go-SECRET-other" }
        }
      })
      expect(errorOf(result, "openrouter")).toMatchObject({
        _tag: "CredentialsInvalid",
        entry: "openrouter",
        issues: { list: [{ path: "type", expected: { _tag: "OneOf", values: ["\"api\""] } }] }
      })
      expect(JSON.stringify(result)).not.toContain(SECRETS.key)
      reportOf(result, "opencode-go")
    }))
})
