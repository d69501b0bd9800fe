import { Schema } from "effect"
import { nullable, nullableStruct } from "../../schema/fields.js"

/**
 * `GET /backend-api/wham/usage` (provider-api-facts §2.1). Tolerant where accounts differ: `rate_limit` and
 * `secondary_window` may be null, `credits.balance` is a string or a number, plan names are an open set.
 */

export const WhamWindow = Schema.Struct({
  used_percent: Schema.Number,
  limit_window_seconds: nullable(Schema.Number),
  reset_after_seconds: nullable(Schema.Number),
  /** Epoch seconds. */
  reset_at: nullable(Schema.Number)
})
export type WhamWindow = typeof WhamWindow.Type

export const WhamRateLimit = nullableStruct({
  allowed: Schema.Boolean,
  limit_reached: Schema.Boolean,
  primary_window: WhamWindow,
  secondary_window: WhamWindow
})
export type WhamRateLimit = typeof WhamRateLimit.Type

export const WhamUsage = Schema.Struct({
  email: nullable(Schema.String),
  plan_type: nullable(Schema.String),
  rate_limit: nullable(WhamRateLimit),
  code_review_rate_limit: nullable(WhamRateLimit),
  additional_rate_limits: nullable(
    Schema.Array(
      Schema.Struct({
        limit_name: nullable(Schema.String),
        metered_feature: nullable(Schema.String),
        rate_limit: nullable(WhamRateLimit)
      })
    )
  ),
  credits: nullable(
    Schema.Struct({
      has_credits: nullable(Schema.Boolean),
      unlimited: nullable(Schema.Boolean),
      balance: nullable(Schema.Union(Schema.String, Schema.Number))
    })
  )
})
export type WhamUsage = typeof WhamUsage.Type

/** The claims of the ChatGPT access JWT that we read: account id and email. */
export const AccessTokenClaims = Schema.Struct({
  "https://api.openai.com/auth": Schema.optional(
    Schema.Struct({ chatgpt_account_id: Schema.optional(Schema.String) })
  ),
  "https://api.openai.com/profile": Schema.optional(Schema.Struct({ email: Schema.optional(Schema.String) }))
})

/** A JWT's payload segment: base64url JSON. */
export const JwtPayload = Schema.compose(Schema.StringFromBase64Url, Schema.parseJson(AccessTokenClaims))
