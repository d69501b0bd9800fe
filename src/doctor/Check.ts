import type { QuotaError } from "../schema/errors.js"

/**
 * One line of `mystatus doctor`, as data: the renderer words `message` in the user's language. Doctor decides
 * *what* was found (a tag and its numbers, paths and names, never a secret); a locale says it.
 */
export type CheckStatus = "ok" | "warn" | "fail" | "info"

export type CheckMessage =
  /** The file is there; `variables` are the environment variables that chose its directory. */
  | { readonly _tag: "Found"; readonly path: string; readonly variables: ReadonlyArray<string> }
  /** Not there: fine when the platform is not used (FAQ 1 only when nothing at all is configured). */
  | { readonly _tag: "NotUsed"; readonly path: string; readonly variables: ReadonlyArray<string> }
  /** Readable, valid JSON of the right kind. */
  | { readonly _tag: "ValidJson" }
  /** The platform's own credentials decoded: `accounts` ready to be asked. */
  | { readonly _tag: "Accounts"; readonly count: number }
  /** No entry or file of this platform anywhere. */
  | { readonly _tag: "NotConfigured" }
  /** An auth.json entry no registered platform reads. */
  | { readonly _tag: "Ignored"; readonly entry: string }
  /** An OAuth token's expiry, still ahead: `entry` names where it is (an auth.json entry, a login's place). */
  | { readonly _tag: "ExpiresIn"; readonly entry: string; readonly seconds: number }
  /** The auth.json entry an API-key platform reads (the first present of its names). */
  | { readonly _tag: "Entry"; readonly entry: string }
  /** A `MYSTATUS_*_URL` variable is set: queries go elsewhere. */
  | { readonly _tag: "Override"; readonly variable: string }
  /** Another `MYSTATUS_*` variable is set (a setting, not an address). Its value is not shown. */
  | { readonly _tag: "Setting"; readonly variable: string }
  /** A proxy variable in effect, and the hosts `NO_PROXY` exempts (empty: none). */
  | { readonly _tag: "Proxy"; readonly variable: string; readonly exempt: ReadonlyArray<string> }
  /** The live query answered. */
  | { readonly _tag: "Answered"; readonly account: string | null }
  /** Nothing configured on any platform (FAQ 2). */
  | { readonly _tag: "NothingConfigured" }
  /** A platform's own check (its folder's `doctor`), worded by its own words' `checks[key]`. */
  | { readonly _tag: "Provider"; readonly key: string; readonly params: Readonly<Record<string, string | number>> }
  /** A failure the report itself would show: worded (message and fix) exactly as the report words it. */
  | { readonly _tag: "Error"; readonly error: QuotaError; readonly account: string | null }

export interface Check {
  /** The file or place looked at ("auth.json", a path, "environment"). */
  readonly source: string
  /** The platform (its id), or "opencode" for auth.json as a whole, "environment" for variables. */
  readonly provider: string
  /** Stable name of the check: found, readable, json, entries, token, ignored, env, live. */
  readonly id: string
  readonly status: CheckStatus
  readonly message: CheckMessage
}
