import { Schema } from "effect"
import { expecting } from "./issues.js"

/**
 * OpenCode's `auth.json`: a map from provider id to one of three entry shapes
 * (anomalyco/opencode `packages/opencode/src/auth/index.ts`). Each provider decodes only its own entry, so a
 * malformed entry fails that provider alone. A decode error names the field and what it expects, never its value
 * (see issues.ts).
 */

/** A secret as stored: non-empty, no surrounding whitespace or newline (a pasted key often has one). */
export const Secret = Schema.Redacted(
  Schema.String.pipe(Schema.nonEmptyString(), Schema.filter((s) => s.trim() === s))
).annotations(expecting({ _tag: "Secret" }))

const optionalString = Schema.optional(Schema.String)

export const OAuthEntry = Schema.Struct({
  type: Schema.Literal("oauth"),
  access: Secret,
  refresh: Secret,
  /** Epoch milliseconds. */
  expires: Schema.Number.annotations(expecting({ _tag: "Timestamp" })),
  accountId: optionalString,
  enterpriseUrl: optionalString
})
export type OAuthEntry = typeof OAuthEntry.Type

export const ApiEntry = Schema.Struct({
  type: Schema.Literal("api"),
  key: Secret,
  baseURL: optionalString
})
export type ApiEntry = typeof ApiEntry.Type

/** The file as a whole: only its top level is checked here, each entry by its provider. */
export const AuthFileContent = Schema.Record({ key: Schema.String, value: Schema.Unknown })

export const WellknownEntry = Schema.Struct({
  type: Schema.Literal("wellknown"),
  key: Schema.optional(Schema.Unknown),
  token: Schema.optional(Schema.Unknown)
})

/** Any entry: for providers where more than one login kind can be stored under their key. */
export const AnyEntry = Schema.Union(OAuthEntry, ApiEntry, WellknownEntry)
