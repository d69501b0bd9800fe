import { Schema } from "effect"
import { nullable } from "../../schema/fields.js"

/**
 * `GET /zen/go/v1/usage` on opencode.ai (provider-api-facts §2.9): three windows, each a used percentage (an integer
 * 0–100) and its reset. `status` is "ok", or "rate-limited" once a window is spent (slkiser/opencode-quota#241,
 * #278); other values are read as "ok".
 */

export const GoWindow = Schema.Struct({
  status: nullable(Schema.String),
  percent: Schema.Number,
  /** ISO-8601, with or without milliseconds, `Z` or an offset. */
  resetsAt: nullable(Schema.Date)
})
export type GoWindow = typeof GoWindow.Type

export const GoUsage = Schema.Struct({
  usage: nullable(Schema.Struct({ rolling: nullable(GoWindow), weekly: nullable(GoWindow), monthly: nullable(GoWindow) }))
})
export type GoUsage = typeof GoUsage.Type
