import { Schema } from "effect"
import { nullable } from "../../schema/fields.js"
import { fixed, Secret } from "../../schema/auth.js"

/** provider-api-facts §2.3. */

export const COPILOT_TIERS = ["free", "pro", "pro+", "business", "enterprise"] as const
export type CopilotTier = typeof COPILOT_TIERS[number]

/** `copilot-quota-token.json` in OpenCode's config dir: the user's explicit fine-grained PAT (seed FAQ). */
export const CopilotPatFile = Schema.Struct({
  token: Secret,
  username: Schema.String.pipe(Schema.pattern(/^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/)).annotations(
    fixed("must be your GitHub login (letters, digits and hyphens)")
  ),
  tier: Schema.Literal(...COPILOT_TIERS).annotations(
    fixed(`must be one of ${COPILOT_TIERS.map((tier) => `"${tier}"`).join(", ")}`)
  )
}).annotations({ message: () => "must be a JSON object" })
export type CopilotPatFile = typeof CopilotPatFile.Type

/** `GET /users/{user}/settings/billing/premium_request/usage`: usage only, no limit. */
export const PremiumRequestUsage = Schema.Struct({
  timePeriod: Schema.Struct({ year: Schema.Number, month: nullable(Schema.Number) }),
  user: nullable(Schema.String),
  usageItems: Schema.Array(
    Schema.Struct({
      product: nullable(Schema.String),
      sku: nullable(Schema.String),
      model: nullable(Schema.String),
      unitType: nullable(Schema.String),
      grossQuantity: Schema.Number,
      netQuantity: nullable(Schema.Number)
    })
  )
})
export type PremiumRequestUsage = typeof PremiumRequestUsage.Type

/** One of `quota_snapshots`; `percent_remaining` is 0–100 **remaining** and can be negative when over. */
export const QuotaSnapshot = Schema.Struct({
  entitlement: nullable(Schema.Number),
  remaining: nullable(Schema.Number),
  percent_remaining: nullable(Schema.Number),
  overage_count: nullable(Schema.Number),
  unlimited: nullable(Schema.Boolean)
})
export type QuotaSnapshot = typeof QuotaSnapshot.Type

/** `GET /copilot_internal/user`. */
export const CopilotUser = Schema.Struct({
  copilot_plan: nullable(Schema.String),
  quota_reset_date: nullable(Schema.String),
  quota_reset_date_utc: nullable(Schema.String),
  token_based_billing: nullable(Schema.Boolean),
  quota_snapshots: nullable(
    Schema.Struct({
      premium_interactions: nullable(QuotaSnapshot),
      chat: nullable(QuotaSnapshot),
      completions: nullable(QuotaSnapshot)
    })
  )
})
export type CopilotUser = typeof CopilotUser.Type

/** `GET /copilot_internal/v2/token`: a short-lived Copilot session token. */
export const CopilotSessionToken = Schema.Struct({ token: Schema.Redacted(Schema.String) })
