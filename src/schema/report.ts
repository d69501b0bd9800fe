import { Schema } from "effect"
import { QuotaError } from "./errors.js"

/** What a window counts, when the response says so. */
export const Unit = Schema.Literal("tokens", "requests", "calls", "credits")
export type Unit = typeof Unit.Type

/**
 * What a window limits when it is not the plan as a whole: a known kind (translated by the renderer) or a
 * name the provider gave (a model, a feature), shown as it is.
 */
export const Scope = Schema.Union(
  Schema.TaggedStruct("Known", {
    key: Schema.Literal("mcp", "codeReview", "credits", "premiumRequests", "chat", "completions", "otherModels")
  }),
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
  unlimited: Schema.optional(Schema.Boolean)
})
export type Window = typeof Window.Type

/** Facts about an account beyond its windows; the renderer words them. */
export const Note = Schema.Union(
  Schema.TaggedStruct("LimitReached", {}),
  Schema.TaggedStruct("CreditsBalance", { balance: Schema.String, unlimited: Schema.Boolean }),
  /** Past the limit, with the extra units used (Copilot's overage). */
  Schema.TaggedStruct("OverQuota", { overage: Schema.Number, unit: Unit }),
  Schema.TaggedStruct("TopModels", {
    models: Schema.Array(Schema.Struct({ name: Schema.String, used: Schema.Number })),
    unit: Unit
  }),
  /** The calendar month a usage report covers. */
  Schema.TaggedStruct("BillingPeriod", { year: Schema.Number, month: Schema.Number }),
  /** The account is billed by usage (AI credits), so the platform reports no quota for it. */
  Schema.TaggedStruct("UsageBasedBilling", {})
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

/** One entry of the run: an account that reported, or a provider/account that failed. */
export const Outcome = Schema.Union(
  Schema.TaggedStruct("Reported", {
    id: Schema.String,
    name: Schema.String,
    report: AccountReport
  }),
  Schema.TaggedStruct("Failed", {
    id: Schema.String,
    name: Schema.String,
    account: Schema.NullOr(Schema.String),
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
