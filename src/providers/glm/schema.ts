import { Schema } from "effect"
import { nullable, nullableStruct } from "../../schema/fields.js"

/**
 * `GET /api/monitor/usage/quota/limit` on bigmodel.cn and api.z.ai (provider-api-facts §2.4). HTTP 200 can still
 * carry `success:false`; Z.ai sometimes puts `limits` at the root; token windows usually carry only `percentage`.
 */

export const QuotaLimit = Schema.extend(
  Schema.Struct({ type: Schema.String }),
  nullableStruct({
    unit: Schema.Number,
    number: Schema.Number,
    /** Used, 0–100. */
    percentage: Schema.Number,
    /** Epoch milliseconds; missing or -1 on some TIME_LIMIT entries. */
    nextResetTime: Schema.Number,
    usage: Schema.Number,
    currentValue: Schema.Number,
    remaining: Schema.Number
  })
)
export type QuotaLimit = typeof QuotaLimit.Type

const Limits = nullable(Schema.Array(QuotaLimit))

export const QuotaLimitResponse = Schema.Struct({
  code: nullable(Schema.Union(Schema.Number, Schema.String)),
  msg: nullable(Schema.String),
  success: nullable(Schema.Boolean),
  data: nullable(
    Schema.Struct({ limits: Limits, level: nullable(Schema.String), planName: nullable(Schema.String) })
  ),
  limits: Limits
})
export type QuotaLimitResponse = typeof QuotaLimitResponse.Type
