import { Schema } from "effect"
import { nullable, nullableStruct, NumberOrText } from "../../schema/fields.js"

/**
 * `GET /v1/api/openplatform/coding_plan/remains` (global) and `GET /v1/token_plan/remains` (China)
 * (provider-api-facts §2.7). Tolerant where answers differ: `model_remains` and `base_resp` at the root or under
 * `data`, every figure a number or the same number as text. HTTP 200 can still carry `base_resp.status_code` ≠ 0.
 */

/** A figure of the answer: the same field arrives as a number in some answers and as text in others. */
const Figure = NumberOrText

/**
 * One model's quota (a "lane"): the interval window (`start_time`..`end_time`, epoch ms; `remains_time` ms until its
 * end) and the weekly one. `*_usage_count` is what REMAINS, despite its name; `*_remaining_percent` too.
 * `*_status`: 1 in use, 2 exhausted, 3 not in the plan.
 */
export const ModelRemain = nullableStruct({
  model_name: Schema.String,
  start_time: Figure,
  end_time: Figure,
  remains_time: Figure,
  current_interval_total_count: Figure,
  current_interval_usage_count: Figure,
  current_interval_remaining_percent: Figure,
  current_interval_status: Figure,
  weekly_start_time: Figure,
  weekly_end_time: Figure,
  weekly_remains_time: Figure,
  current_weekly_total_count: Figure,
  current_weekly_usage_count: Figure,
  current_weekly_remaining_percent: Figure,
  current_weekly_status: Figure
})
export type ModelRemain = typeof ModelRemain.Type

const BaseResp = nullableStruct({ status_code: Figure, status_msg: Schema.String })

const Payload = {
  base_resp: nullable(BaseResp),
  model_remains: nullable(Schema.Array(ModelRemain)),
  current_subscribe_title: nullable(Schema.String)
}

export const RemainsResponse = Schema.Struct({ ...Payload, data: nullable(Schema.Struct(Payload)) })
export type RemainsResponse = typeof RemainsResponse.Type
