import { Schema } from "effect"
import { nullable, nullableStruct, NumberOrText } from "../../schema/fields.js"

/**
 * OpenRouter's two answers (provider-api-facts §2.8; field sets checked against OpenRouter's API reference,
 * https://openrouter.ai/docs/api/api-reference/api-keys/get-current-key and its SDKs' `GetCurrentKeyData` and
 * `GetCreditsData`). Every amount is in US dollars, sent as a JSON number.
 */

/** An amount of US dollars. */
const Usd = NumberOrText

/**
 * `GET /api/v1/key`: the key's own spending limit (`limit` null: none), what is left of it this period, when that
 * period resets (`limit_reset`: "daily", "weekly", "monthly" or null; an open enum in the SDKs), and what the key spent
 * all time, today, this week and this month (UTC).
 */
export const KeyData = nullableStruct({
  limit: Usd,
  limit_remaining: Usd,
  limit_reset: Schema.String,
  usage: Usd,
  usage_daily: Usd,
  usage_weekly: Usd,
  usage_monthly: Usd
})
export type KeyData = typeof KeyData.Type

export const KeyInfo = Schema.Struct({ data: nullable(KeyData) })
export type KeyInfo = typeof KeyInfo.Type

/**
 * `GET /api/v1/credits`: what the account ever bought and used; the balance is the difference. Both are needed: one
 * without the other would make up a balance.
 */
export const Credits = Schema.Struct({
  data: nullable(Schema.Struct({ total_credits: Usd, total_usage: Usd }))
})
export type Credits = typeof Credits.Type
