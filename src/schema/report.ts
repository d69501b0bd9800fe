import { Schema } from "effect"
import { QuotaError } from "./errors.js"

/** What a window counts, when the response says so. */
export const Unit = Schema.Literal("tokens", "requests", "calls", "credits")
export type Unit = typeof Unit.Type

/**
 * What a window limits when it is not the plan as a whole: a kind the provider names in its own words (`key` is a
 * key of its `words.ts` scopes, e.g. "codeReview"), or a name the provider gave (a model, a feature), shown as it is.
 */
export const Scope = Schema.Union(
  Schema.TaggedStruct("Known", { key: Schema.String }),
  Schema.TaggedStruct("Named", { name: Schema.String })
)
export type Scope = typeof Scope.Type

export const Window = Schema.Struct({
  scope: Schema.NullOr(Scope),
  /** Length of the rolling window; the label ("5-hour", "Weekly") is derived from it, never from position. */
  windowSeconds: Schema.NullOr(Schema.Number),
  usedPercent: Schema.Number,
  resetsAt: Schema.NullOr(Schema.DateFromSelf),
  used: Schema.NullOr(Schema.Number),
  limit: Schema.NullOr(Schema.Number),
  unit: Schema.NullOr(Unit),
  /** No limit at all: shown as unlimited, never as "0% used". */
  unlimited: Schema.optional(Schema.Boolean),
  /**
   * An ISO 4217 code (`USD`) when `used` and `limit` are amounts of that money (a spending limit), shown as money
   * (`$12.34 left of $50.00`); absent for counts.
   */
  currency: Schema.optional(Schema.String)
})
export type Window = typeof Window.Type

/** Facts about an account beyond its windows; the renderer words them. */
export const Note = Schema.Union(
  Schema.TaggedStruct("LimitReached", {}),
  Schema.TaggedStruct("CreditsBalance", { balance: Schema.Number, unlimited: Schema.Boolean }),
  /** Past the limit, with the extra units used (Copilot's overage). */
  Schema.TaggedStruct("OverQuota", { overage: Schema.Number, unit: Unit }),
  Schema.TaggedStruct("TopModels", {
    models: Schema.Array(Schema.Struct({ name: Schema.String, used: Schema.Number })),
    unit: Unit
  }),
  /** The calendar month a usage report covers. */
  Schema.TaggedStruct("BillingPeriod", { year: Schema.Number, month: Schema.Number }),
  /** The account is billed by usage (AI credits), so the platform reports no quota for it. */
  Schema.TaggedStruct("UsageBasedBilling", {}),
  /**
   * Pay-as-you-go use beyond the plan this month (Claude's extra usage), in major units of `currency` (null when the
   * platform does not say), shown with `decimals` digits; `limit` null when there is no monthly cap.
   */
  Schema.TaggedStruct("ExtraUsage", {
    spent: Schema.Number,
    limit: Schema.NullOr(Schema.Number),
    currency: Schema.NullOr(Schema.String),
    decimals: Schema.Number
  }),
  /** Money left on a prepaid balance that has no limit to be a share of (OpenRouter's credits), in `currency` (ISO 4217). */
  Schema.TaggedStruct("MoneyLeft", { amount: Schema.Number, currency: Schema.String }),
  /** Money spent today, this week and this month (UTC periods), each null when the platform does not say. */
  Schema.TaggedStruct("MoneySpent", {
    today: Schema.NullOr(Schema.Number),
    week: Schema.NullOr(Schema.Number),
    month: Schema.NullOr(Schema.Number),
    currency: Schema.String
  }),
  /** The balance exists but this credential may not read it (OpenRouter's credits take a management key). */
  Schema.TaggedStruct("BalanceHidden", {})
)
export type Note = typeof Note.Type

/** What one account's query produces. */
export const AccountReport = Schema.Struct({
  account: Schema.NullOr(Schema.String),
  plan: Schema.NullOr(Schema.String),
  windows: Schema.Array(Window),
  notes: Schema.Array(Note)
})
export type AccountReport = typeof AccountReport.Type

/**
 * One entry of the run: an account that reported, or a provider/account that failed. `accountKey` is the account's
 * stable identity (never a secret): null only when the provider failed before it knew its accounts.
 */
export const Outcome = Schema.Union(
  Schema.TaggedStruct("Reported", {
    id: Schema.String,
    name: Schema.String,
    accountKey: Schema.String,
    report: AccountReport
  }),
  Schema.TaggedStruct("Failed", {
    id: Schema.String,
    name: Schema.String,
    account: Schema.NullOr(Schema.String),
    accountKey: Schema.NullOr(Schema.String),
    error: QuotaError
  })
)
export type Outcome = typeof Outcome.Type

/** A credential location a provider looked at, for the "nothing configured" help. */
export const SourceStatus = Schema.Struct({
  name: Schema.String,
  path: Schema.String,
  entry: Schema.NullOr(Schema.String),
  exists: Schema.Boolean
})
export type SourceStatus = typeof SourceStatus.Type

/** A Retry-After is honoured at most this long: a skewed clock or a bad header must not silence a provider for long. */
export const MAX_RETRY_AFTER_SECONDS = 86400

/** How long an outcome asks not to be asked again: a 429 with Retry-After (capped), else undefined. */
export const retryAfterOf = (outcome: Outcome): number | undefined =>
  outcome._tag === "Failed" && outcome.error._tag === "HttpError" && outcome.error.status === 429 &&
    outcome.error.retryAfterSeconds !== undefined
    ? Math.min(outcome.error.retryAfterSeconds, MAX_RETRY_AFTER_SECONDS)
    : undefined

/** A provider the user asked for by name (`--provider`) that has no account here, and where it looked. */
export const NotConfigured = Schema.Struct({
  id: Schema.String,
  name: Schema.String,
  sources: Schema.Array(SourceStatus)
})
export type NotConfigured = typeof NotConfigured.Type

/**
 * The whole run, before rendering. `sources` is filled only when nothing is configured (for the help);
 * `notConfigured` only for providers asked for by name.
 */
export const RunResult = Schema.Struct({
  generatedAt: Schema.DateFromSelf,
  outcomes: Schema.Array(Outcome),
  sources: Schema.Array(SourceStatus),
  notConfigured: Schema.Array(NotConfigured)
})
export type RunResult = typeof RunResult.Type

/** A warning is due from this share of a window used. */
export const WARN_AT_PERCENT = 80

export const remainingPercent = (window: Window): number => 100 - window.usedPercent

/** A rolling window's length, classified once: the renderer words it, `windowKey` names it. */
export type WindowLength =
  | { readonly _tag: "Daily" }
  | { readonly _tag: "Weekly" }
  | { readonly _tag: "Monthly" }
  | { readonly _tag: "Days"; readonly count: number }
  | { readonly _tag: "Hours"; readonly count: number }
  | { readonly _tag: "Minutes"; readonly count: number }

const DAY = 86400

/** 28 to 31 days is a month, whatever a platform counts (OpenAI's 2,592,000 s, Zhipu's 2,628,000 s). */
export const windowLength = (seconds: number): WindowLength =>
  seconds === DAY
    ? { _tag: "Daily" }
    : seconds === 7 * DAY
    ? { _tag: "Weekly" }
    : seconds >= 28 * DAY && seconds <= 31 * DAY
    ? { _tag: "Monthly" }
    : seconds % DAY === 0
    ? { _tag: "Days", count: seconds / DAY }
    : seconds % 3600 === 0
    ? { _tag: "Hours", count: seconds / 3600 }
    : { _tag: "Minutes", count: Math.round(seconds / 60) }

/** A length's stable short name: `5h`, `daily`, `weekly`, `monthly`, `14d` (the status-bar line shows it too). */
export const lengthKey = (length: WindowLength): string => {
  switch (length._tag) {
    case "Daily":
      return "daily"
    case "Weekly":
      return "weekly"
    case "Monthly":
      return "monthly"
    case "Days":
      return `${length.count}d`
    case "Hours":
      return `${length.count}h`
    case "Minutes":
      return `${length.count}m`
  }
}

const kebab = (text: string) =>
  text.replace(/([a-z0-9])([A-Z])/g, "$1-$2").toLowerCase().replace(/[^a-z0-9.]+/g, "-").replace(/^-|-$/g, "")

/**
 * A window's identity, the same in every language and run: `5h`, `weekly`, `monthly`, `mcp:monthly`,
 * `code-review:weekly`, `premium-requests`, `model:gemini-pro`. Watch, pace and the sidebar key on it.
 */
export const windowKey = (window: Window): string => {
  const scope = window.scope === null
    ? null
    : window.scope._tag === "Known"
    ? kebab(window.scope.key)
    : `model:${window.scope.name.toLowerCase().replace(/[^a-z0-9.]+/g, "-").replace(/^-|-$/g, "")}`
  const length = window.windowSeconds === null ? null : lengthKey(windowLength(window.windowSeconds))
  return [scope, length].filter((part) => part !== null).join(":") || (window.unit ?? "usage")
}
