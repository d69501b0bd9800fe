import { HttpClientRequest } from "@effect/platform"
import { Clock, Effect, Layer, Option } from "effect"
import type { AccountReport, Note, Window } from "../../schema/report.js"
import { type ApiKeyAccount, apiKeyProvider, hintOn } from "../../services/ApiKeyProvider.js"
import { ProviderTag } from "../../services/QuotaProvider.js"
import { Credits, type KeyData, KeyInfo } from "./schema.js"
import { words } from "./words.js"

/** OpenRouter, read with the API key `opencode auth login` stored for it: its key's limit and the account's credits. */
const PLATFORM = {
  id: "openrouter",
  name: "OpenRouter",
  aliases: [],
  // Its two requests leave together.
  roundTrips: 1,
  authKeys: ["openrouter"],
  baseUrlVariable: "MYSTATUS_OPENROUTER_BASE_URL",
  defaultBaseUrl: "https://openrouter.ai"
} as const

const KEY_PATH = "/api/v1/key"
const CREDITS_PATH = "/api/v1/credits"
/** OpenRouter bills in US dollars. */
const CURRENCY = "USD"

const DAY = 86400
/** The key limit's periods and their lengths; a month is counted as 30 days (its label is "Monthly" all the same). */
const PERIODS = { daily: DAY, weekly: 7 * DAY, monthly: 30 * DAY } as const
type Period = keyof typeof PERIODS

const query = Effect.fn("mystatus/openrouter/query")(function*({ client, key, masked }: ApiKeyAccount) {
  const get = (path: string) => HttpClientRequest.get(path).pipe(HttpClientRequest.bearerToken(key))
  const [info, credits] = yield* Effect.all([
    client.json(get(KEY_PATH), KeyInfo, {
      fields: ["data.usage", "data.limit"],
      present: ({ data }) => data != null && (data.usage != null || data.limit !== undefined)
    }).pipe(hintOn([401], "apiKey" satisfies keyof typeof words.en.hints)),
    client.json(get(CREDITS_PATH), Credits, { fields: ["data"], present: ({ data }) => data != null }).pipe(
      Effect.map(({ data }) => Option.fromNullable(data)),
      // OpenRouter's reference says the credits need a management key: a key that is refused there but accepted at
      // /api/v1/key (asked at the same time) still reports its own limit and spending, and says the balance is hidden.
      Effect.catchIf(
        (error) => error._tag === "HttpError" && (error.status === 401 || error.status === 403),
        () => Effect.succeed(Option.none())
      )
    )
  ], { concurrency: "unbounded" })
  const now = yield* Clock.currentTimeMillis
  return toReport(info.data ?? {}, credits, masked, now)
})

export class OpenRouter extends ProviderTag("mystatus/providers/OpenRouter", { id: PLATFORM.id, words })<OpenRouter>() {
  static readonly layer = Layer.effect(OpenRouter, apiKeyProvider(PLATFORM, query))
}

/** Dollars to the micro-dollar: OpenRouter's own precision, and free of float noise (50 - 12.34). */
const dollars = (amount: number) => Math.round(amount * 1e6) / 1e6

const toReport = (
  key: KeyData,
  credits: Option.Option<{ readonly total_credits: number; readonly total_usage: number }>,
  masked: string,
  now: number
): AccountReport => {
  const balance: Array<Note> = Option.match(credits, {
    onNone: () => [{ _tag: "BalanceHidden" }],
    onSome: ({ total_credits, total_usage }) => [{ _tag: "MoneyLeft", amount: dollars(total_credits - total_usage), currency: CURRENCY }]
  })
  const spent: Note = {
    _tag: "MoneySpent",
    today: key.usage_daily ?? null,
    week: key.usage_weekly ?? null,
    month: key.usage_monthly ?? null,
    currency: CURRENCY
  }
  return { account: masked, plan: null, windows: keyLimit(key, now), notes: [...balance, spent] }
}

const periodOf = (reset: string | null | undefined): Period | null => {
  const period = reset?.toLowerCase()
  return period === "daily" || period === "weekly" || period === "monthly" ? period : null
}

/**
 * The key's spending limit, when it has one: what is left of it this period (`limit_remaining`, else the limit less
 * what the key spent in the period), with the period's length and its next reset.
 */
const keyLimit = (key: KeyData, now: number): Array<Window> => {
  const { limit } = key
  if (limit == null || limit <= 0) return []
  const period = periodOf(key.limit_reset)
  const spentInPeriod = period === null
    ? key.limit_reset == null ? key.usage : null
    : { daily: key.usage_daily, weekly: key.usage_weekly, monthly: key.usage_monthly }[period]
  const remaining = key.limit_remaining ?? (spentInPeriod == null ? null : limit - spentInPeriod)
  if (remaining == null) return []
  const used = dollars(limit - remaining)
  return [{
    scope: { _tag: "Known", key: "keyLimit" satisfies keyof typeof words.en.scopes },
    windowSeconds: period === null ? null : PERIODS[period],
    usedPercent: (used / limit) * 100,
    resetsAt: period === null ? null : nextReset(period, now),
    used,
    limit,
    unit: null,
    currency: CURRENCY
  }]
}

/**
 * When a period's limit resets: "Resets happen automatically at midnight UTC, and weeks are Monday through Sunday"
 * (OpenRouter's API reference, `limit_reset` of POST/PATCH /api/v1/keys). So the next UTC midnight, the next Monday
 * at 00:00 UTC, and for a month the 1st of the next month at 00:00 UTC (a calendar month: the reference says no more).
 */
export const nextReset = (period: Period, now: number): Date => {
  const today = new Date(now)
  const midnight = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate())
  switch (period) {
    case "daily":
      return new Date(midnight + DAY * 1000)
    case "weekly":
      // getUTCDay: 0 is Sunday, 1 Monday. On a Monday the reset is the next one.
      return new Date(midnight + ((8 - today.getUTCDay()) % 7 || 7) * DAY * 1000)
    case "monthly":
      return new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + 1, 1))
  }
}
