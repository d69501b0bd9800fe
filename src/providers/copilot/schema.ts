import { Schema } from "effect"
import { nullable, nullableStruct } from "../../schema/fields.js"
import { Secret } from "../../schema/auth.js"
import { expecting } from "../../schema/issues.js"

/** provider-api-facts §2.3. */

export const COPILOT_TIERS = ["free", "pro", "pro+", "business", "enterprise"] as const
export type CopilotTier = typeof COPILOT_TIERS[number]

/** `copilot-quota-token.json` in OpenCode's config dir: the user's explicit fine-grained PAT (seed FAQ). */
export const CopilotPatFile = Schema.Struct({
  token: Secret,
  username: Schema.String.pipe(Schema.pattern(/^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/)).annotations(
    expecting({ _tag: "Login" })
  ),
  tier: Schema.Literal(...COPILOT_TIERS)
})
export type CopilotPatFile = typeof CopilotPatFile.Type

/** `GET /users/{user}/settings/billing/premium_request/usage`: usage only, no limit. */
export const PremiumRequestUsage = Schema.Struct({
  timePeriod: Schema.Struct({ year: Schema.Number, month: nullable(Schema.Number) }),
  user: nullable(Schema.String),
  usageItems: Schema.Array(
    Schema.extend(
      nullableStruct({ product: Schema.String, sku: Schema.String, model: Schema.String, unitType: Schema.String, netQuantity: Schema.Number }),
      Schema.Struct({ grossQuantity: Schema.Number })
    )
  )
})
export type PremiumRequestUsage = typeof PremiumRequestUsage.Type

/** One of `quota_snapshots`; `percent_remaining` is 0–100 **remaining** and can be negative when over. */
export const QuotaSnapshot = nullableStruct({
  entitlement: Schema.Number,
  remaining: Schema.Number,
  percent_remaining: Schema.Number,
  overage_count: Schema.Number,
  unlimited: Schema.Boolean
})
export type QuotaSnapshot = typeof QuotaSnapshot.Type

/** `GET /copilot_internal/user`. */
export const CopilotUser = nullableStruct({
  copilot_plan: Schema.String,
  quota_reset_date: Schema.String,
  quota_reset_date_utc: Schema.String,
  token_based_billing: Schema.Boolean,
  quota_snapshots: nullableStruct({ premium_interactions: QuotaSnapshot, chat: QuotaSnapshot, completions: QuotaSnapshot })
})
export type CopilotUser = typeof CopilotUser.Type

/** `GET /copilot_internal/v2/token`: a short-lived Copilot session token. */
export const CopilotSessionToken = Schema.Struct({ token: Schema.Redacted(Schema.String) })
