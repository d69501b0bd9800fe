import { Schema } from "effect"
import { Secret } from "../../schema/auth.js"
import { nullable, nullableStruct } from "../../schema/fields.js"
import { expecting } from "../../schema/issues.js"

/** provider-api-facts §2.2. */

/**
 * Claude Code's OAuth login, as it keeps it in `.credentials.json` and in the macOS Keychain item (the same JSON):
 * `accessToken`, `refreshToken`, `expiresAt` (epoch ms), `scopes`, `subscriptionType`, `rateLimitTier`
 * (robinebers/openusage `docs/providers/claude.md`; rajish/cc-hdrm `Models/KeychainCredentials.swift`, which also
 * reads `refreshToken` and `expiresAt` as optional). Other fields are Claude Code's and ignored.
 */
export const ClaudeAiOauth = Schema.Struct({
  accessToken: Secret,
  /** Never spent here (it rotates: spending it logs Claude Code out); kept to recognise the same login elsewhere. */
  refreshToken: nullable(Secret),
  expiresAt: Schema.optional(Schema.NullOr(Schema.Number).annotations(expecting({ _tag: "Timestamp" }))),
  scopes: nullable(Schema.Array(Schema.String)),
  /** "pro", "max", "team", "enterprise"; null for Console (API) logins. */
  subscriptionType: nullable(Schema.String),
  /** e.g. "default_claude_max_20x". */
  rateLimitTier: nullable(Schema.String)
})
export type ClaudeAiOauth = typeof ClaudeAiOauth.Type

/**
 * The whole file (or Keychain item). Without `claudeAiOauth` there is no Claude login there: Claude Code 2.1.x may
 * keep only MCP logins in it (CodexBar `docs/claude.md`, in provider-api-facts §2.2).
 */
export const ClaudeCredentials = Schema.Struct({ claudeAiOauth: nullable(ClaudeAiOauth) })
export type ClaudeCredentials = typeof ClaudeCredentials.Type

/**
 * One limit window: `utilization` is 0–100 **used** (floats such as 12.5), `resets_at` ISO-8601 with milliseconds
 * and `Z` or microseconds and `+00:00`, or absent/null before the window starts. Newer answers add
 * `limit_dollars`, `used_dollars`, `locked_reason` (null on subscription plans), ignored here.
 */
export const UsageWindow = nullableStruct({ utilization: Schema.Number, resets_at: Schema.String })
export type UsageWindow = typeof UsageWindow.Type

/** Pay-as-you-go use beyond the plan: amounts in minor units (2050 → 20.50) of `currency`. */
export const ExtraUsage = nullableStruct({
  is_enabled: Schema.Boolean,
  monthly_limit: Schema.Number,
  used_credits: Schema.Number,
  utilization: Schema.Number,
  currency: Schema.String,
  /** Digits of the minor unit; absent or null in most answers, where it is 2. */
  decimal_places: Schema.Number
})
export type ExtraUsage = typeof ExtraUsage.Type

const DisplayName = nullableStruct({ display_name: Schema.String })

/**
 * One entry of the newer `limits` array (observed from 2026-07): `kind` session | weekly_all | weekly_scoped (others
 * appear), `group` session | weekly, `percent` 0–100 used, `scope` null or `{model: {id, display_name}, surface}`.
 * `is_active` is not "in force": limits that apply arrive with it false (the Fable limit in §2.2's example).
 */
export const UsageLimit = nullableStruct({
  kind: Schema.String,
  group: Schema.String,
  percent: Schema.Number,
  resets_at: Schema.String,
  scope: nullableStruct({ model: DisplayName, surface: DisplayName })
})
export type UsageLimit = typeof UsageLimit.Type

/**
 * `GET /api/oauth/usage`. Every window may be null (a plan without it); codename windows come and go
 * (`seven_day_cowork`, `iguana_necktie`, `nimbus_quill`, ...), so the other keys are kept to be read as windows.
 */
export const OAuthUsage = Schema.Struct(
  {
    five_hour: nullable(UsageWindow),
    seven_day: nullable(UsageWindow),
    seven_day_opus: nullable(UsageWindow),
    seven_day_sonnet: nullable(UsageWindow),
    seven_day_oauth_apps: nullable(UsageWindow),
    extra_usage: nullable(ExtraUsage),
    limits: nullable(Schema.Array(UsageLimit))
  },
  Schema.Record({ key: Schema.String, value: Schema.Unknown })
)
export type OAuthUsage = typeof OAuthUsage.Type
