import { Schema } from "effect"
import { nullable, nullableStruct, NumberOrText } from "../../schema/fields.js"

/**
 * `GET /coding/v1/usages` on api.kimi.com (provider-api-facts §2.6). Counts arrive as decimal strings ("2048"),
 * from some accounts as plain numbers (CB `KimiProviderTests` "parses official numeric values"); the reset time is
 * ISO-8601 with nanoseconds, under one of four spellings.
 */

/** A count, either way it is sent. */
const Count = NumberOrText

export const Detail = nullableStruct({
  limit: Count,
  used: Count,
  remaining: Count,
  resetTime: Schema.Date,
  resetAt: Schema.Date,
  reset_time: Schema.Date,
  reset_at: Schema.Date
})
export type Detail = typeof Detail.Type

/** A rate window: its length is `duration` × `timeUnit` (TIME_UNIT_MINUTE, _HOUR, _DAY). */
export const RateLimit = Schema.Struct({
  window: nullable(nullableStruct({ duration: Count, timeUnit: Schema.String })),
  detail: nullable(Detail)
})
export type RateLimit = typeof RateLimit.Type

export const Usages = Schema.Struct({
  /** The plan's quota as a whole: no window is given for it (weekly on most plans, monthly on some). */
  usage: nullable(Detail),
  limits: nullable(Schema.Array(RateLimit)),
  user: nullable(Schema.Struct({ membership: nullable(Schema.Struct({ level: nullable(Schema.String) })) }))
})
export type Usages = typeof Usages.Type
