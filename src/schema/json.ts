import { Schema } from "effect"

/**
 * The `--json` contract, version 1. Scripts may decode the CLI's output with `JsonReport`.
 * Messages are in the run's language; `tag`, numbers and ISO times are stable.
 */
export const JsonWindow = Schema.Struct({
  /** Added in 0.2: the window's identity in every language and run (`5h`, `weekly`, `model:gemini-pro`, ...). */
  key: Schema.String,
  label: Schema.String,
  usedPercent: Schema.Number,
  remainingPercent: Schema.Number,
  resetsAt: Schema.NullOr(Schema.String),
  windowSeconds: Schema.NullOr(Schema.Number),
  used: Schema.NullOr(Schema.Number),
  limit: Schema.NullOr(Schema.Number),
  unit: Schema.NullOr(Schema.String),
  /** Present (and true) only for a window without a limit. */
  unlimited: Schema.optional(Schema.Literal(true)),
  /** An addition (still version 1): present only when `used` and `limit` are money, its ISO 4217 code (`"USD"`). */
  currency: Schema.optional(Schema.String),
  /** An addition (still version 1): where the window is heading at the rate the history shows; absent: too early. */
  pace: Schema.optional(Schema.suspend(() => JsonPace))
})
export type JsonWindow = typeof JsonWindow.Type

/**
 * `runsOut`: 100% is reached in `runsOutInSeconds`, before the reset; `onPace`: the reset comes first, with about
 * `atResetPercent` used. `percentPerHour`: the rate since the window's first sample.
 */
export const JsonPace = Schema.Union(
  Schema.Struct({
    status: Schema.Literal("runsOut"),
    runsOutInSeconds: Schema.Number,
    resetInSeconds: Schema.Number,
    percentPerHour: Schema.Number
  }),
  Schema.Struct({
    status: Schema.Literal("onPace"),
    atResetPercent: Schema.Number,
    resetInSeconds: Schema.Number,
    percentPerHour: Schema.Number
  })
)
export type JsonPace = typeof JsonPace.Type

export const JsonError = Schema.Struct({
  tag: Schema.String,
  message: Schema.String,
  fix: Schema.NullOr(Schema.String),
  httpStatus: Schema.optional(Schema.Number)
})

export const JsonProvider = Schema.Struct({
  id: Schema.String,
  name: Schema.String,
  account: Schema.NullOr(Schema.String),
  /**
   * Added in 0.2: the account's identity, never a secret (an email, a masked key, a host, or a fingerprint of an id);
   * null only for a failure before the provider knew its accounts.
   */
  accountKey: Schema.NullOr(Schema.String),
  plan: Schema.NullOr(Schema.String),
  status: Schema.Literal("ok", "error"),
  windows: Schema.Array(JsonWindow),
  warnings: Schema.Array(Schema.String),
  /** Informational lines beyond the windows (e.g. a credits balance). */
  notes: Schema.Array(Schema.String),
  error: Schema.NullOr(JsonError)
})
export type JsonProvider = typeof JsonProvider.Type

/** A provider asked for by name (`--provider`) that has no account here, and the files it looked at. */
export const JsonNotConfigured = Schema.Struct({
  id: Schema.String,
  name: Schema.String,
  lookedAt: Schema.Array(Schema.String)
})

export const JsonReport = Schema.Struct({
  version: Schema.Literal(1),
  generatedAt: Schema.String,
  providers: Schema.Array(JsonProvider),
  /** Added in 0.2 (an addition: still version 1); empty unless providers were asked for by name. */
  notConfigured: Schema.Array(JsonNotConfigured)
})
export type JsonReport = typeof JsonReport.Type
