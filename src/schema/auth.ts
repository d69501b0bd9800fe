import { Schema } from "effect"

/**
 * OpenCode's `auth.json`: a map from provider id to one of three entry shapes
 * (anomalyco/opencode `packages/opencode/src/auth/index.ts`). Each provider decodes only its own entry, so a
 * malformed entry fails that provider alone. Every leaf carries a fixed message: a decode error never echoes a value.
 */
export const fixed = (message: string) => ({ message: () => ({ message, override: true }) })

/** A secret as stored: non-empty, no surrounding whitespace or newline (a pasted key often has one). */
export const Secret = Schema.Redacted(
  Schema.String.pipe(Schema.nonEmptyString(), Schema.filter((s) => s.trim() === s))
).annotations(fixed("must be a non-empty string without surrounding whitespace or newlines"))

const kind = <K extends string>(type: K) => Schema.Literal(type).annotations(fixed(`must be "${type}"`))
const optionalString = Schema.optional(Schema.String.annotations(fixed("must be a string")))

export const OAuthEntry = Schema.Struct({
  type: kind("oauth"),
  access: Secret,
  refresh: Secret,
  /** Epoch milliseconds. */
  expires: Schema.Number.annotations(fixed("must be a number (epoch milliseconds)")),
  accountId: optionalString,
  enterpriseUrl: optionalString
}).annotations({ message: () => "must be an object" })
export type OAuthEntry = typeof OAuthEntry.Type

export const ApiEntry = Schema.Struct({
  type: kind("api"),
  key: Secret,
  baseURL: optionalString
}).annotations({ message: () => "must be an object" })
export type ApiEntry = typeof ApiEntry.Type

/** The file as a whole: only its top level is checked here, each entry by its provider. */
export const AuthFileContent = Schema.Record({ key: Schema.String, value: Schema.Unknown })

export const WellknownEntry = Schema.Struct({
  type: kind("wellknown"),
  key: Schema.optional(Schema.Unknown),
  token: Schema.optional(Schema.Unknown)
}).annotations({ message: () => "must be an object" })

/** Any entry: for providers where more than one login kind can be stored under their key. */
export const AnyEntry = Schema.Union(OAuthEntry, ApiEntry, WellknownEntry)
