import { HttpClient, HttpClientRequest } from "@effect/platform"
import { Array as Arr, Clock, Effect, Layer, Option, Redacted } from "effect"
import type { Check } from "../../doctor/Check.js"
import { type ApiEntry, ApiEntry as ApiEntrySchema } from "../../schema/auth.js"
import { ApiError, HttpError } from "../../schema/errors.js"
import type { AccountReport, Scope, Unit, Window } from "../../schema/report.js"
import { AuthFile } from "../../services/AuthFile.js"
import { baseUrl, jsonClient, safeText } from "../../services/Http.js"
import { type Account, maskKey, ProviderTag, type QuotaProvider } from "../../services/QuotaProvider.js"
import { type ModelRemain, RemainsResponse } from "./schema.js"
import { words } from "./words.js"

const ID = "minimax"
const NAME = "MiniMax"

/**
 * MiniMax sells its coding plan on two platforms with separate accounts, minimax.io and minimaxi.com (China): a key
 * of one is refused by the other. Each configured one is an account of its own.
 */
interface Region {
  /** Its auth.json entries, the first present one read (OpenCode's id first). */
  readonly authKeys: readonly [string, ...Array<string>]
  readonly baseUrlVariable: string
  readonly defaultBaseUrl: string
  readonly path: string
  /** Where its keys are issued, as `mystatus doctor` names it. */
  readonly site: string
}

const GLOBAL: Region = {
  authKeys: ["minimax-coding-plan"],
  baseUrlVariable: "MYSTATUS_MINIMAX_BASE_URL",
  defaultBaseUrl: "https://api.minimax.io",
  path: "/v1/api/openplatform/coding_plan/remains",
  site: "minimax.io"
}

const CHINA: Region = {
  authKeys: ["minimax-cn-coding-plan", "minimax-china-coding-plan"],
  baseUrlVariable: "MYSTATUS_MINIMAX_CN_BASE_URL",
  defaultBaseUrl: "https://api.minimaxi.com",
  path: "/v1/token_plan/remains",
  site: "minimaxi.com"
}

const REGIONS = [GLOBAL, CHINA]

const make = Effect.gen(function*() {
  const auth = yield* AuthFile
  const http = yield* HttpClient.HttpClient

  // A wrong-shape entry fails its region alone: the other region's account still reports.
  const accountOf = (region: Region): Effect.Effect<Option.Option<Account>> =>
    auth.entry(ID, region.authKeys, ApiEntrySchema).pipe(
      Effect.map(Option.map(({ value: credentials }): Account => {
        const masked = maskKey(Redacted.value(credentials.key))
        return { label: masked, key: masked, query: query(http, region, credentials) }
      })),
      Effect.catchTag("CredentialsInvalid", (error) =>
        Effect.succeedSome<Account>({ label: null, key: error.entry ?? region.authKeys[0], query: Effect.fail(error) }))
    )

  return {
    id: ID,
    name: NAME,
    aliases: ["minimaxi", "minimax-cn"],
    roundTrips: 1,
    sources: REGIONS.map((region) => ({ path: auth.path, entry: region.authKeys[0] })),
    variables: REGIONS.map((region) => region.baseUrlVariable),
    accounts: Effect.map(Effect.all(REGIONS.map(accountOf)), Arr.getSomes),
    // Which entry each region reads, and so which platform its key must come from: a key in the other region's entry
    // is refused (1004), the most common MiniMax mistake.
    doctor: Effect.forEach(REGIONS, (region) =>
      auth.entry(ID, region.authKeys, ApiEntrySchema).pipe(
        Effect.map(Option.match({
          onNone: (): ReadonlyArray<Check> => [],
          onSome: ({ key }): ReadonlyArray<Check> => [{
            source: auth.path,
            provider: ID,
            id: "entry",
            status: "info",
            message: { _tag: "Provider", key: "region", params: { entry: key, site: region.site } }
          }]
        })),
        Effect.orElseSucceed(() => [])
      )).pipe(Effect.map((checks) => checks.flat()))
  } satisfies QuotaProvider
})

/** The answer's own verdict: a refused key (1004) and other failures come as HTTP 200 with a non-zero status. */
const failureOf = (answer: RemainsResponse) =>
  [answer.base_resp, answer.data?.base_resp].find((base): base is NonNullable<typeof base> =>
    base?.status_code != null && base.status_code !== 0
  )

const modelsOf = (answer: RemainsResponse) => answer.data?.model_remains ?? answer.model_remains ?? undefined

const query = Effect.fn("mystatus/minimax/query")(function*(http: HttpClient.HttpClient, region: Region, { key }: ApiEntry) {
  const root = yield* baseUrl(ID, region.baseUrlVariable, region.defaultBaseUrl)
  const client = jsonClient(http, { provider: ID, baseUrl: root, secrets: [key] })
  const answer = yield* client.json(HttpClientRequest.get(region.path).pipe(HttpClientRequest.bearerToken(key)), RemainsResponse, {
    fields: ["data.model_remains", "model_remains"],
    present: (answer) => failureOf(answer) !== undefined || modelsOf(answer) !== undefined
  }).pipe(
    Effect.catchIf(
      (error): error is HttpError => error._tag === "HttpError" && (error.status === 401 || error.status === 403),
      (error) => new HttpError({ ...error, hint: "keyRefused" satisfies keyof typeof words.en.hints })
    )
  )
  const failure = failureOf(answer)
  if (failure !== undefined) {
    return yield* new ApiError({
      provider: ID,
      service: NAME,
      endpoint: `${root}${region.path}`,
      code: String(failure.status_code),
      detail: safeText(failure.status_msg ?? "", [Redacted.value(key)]) ?? ""
    })
  }
  const now = yield* Clock.currentTimeMillis
  const plan = (answer.data?.current_subscribe_title ?? answer.current_subscribe_title ?? "").trim()
  return {
    account: maskKey(Redacted.value(key)),
    plan: plan === "" ? null : plan,
    windows: (modelsOf(answer) ?? []).flatMap((model) => windowsOf(model, now)),
    notes: []
  } satisfies AccountReport
})

const WEEK = 7 * 24 * 3600

/** One window of a model as the answer states it; every figure may be missing. */
interface Lane {
  readonly seconds: number | null
  readonly total: number | null | undefined
  /** `*_usage_count`: what remains, despite its name. */
  readonly left: number | null | undefined
  readonly remainingPercent: number | null | undefined
  /** 1 in use, 2 exhausted, 3 not in the plan. */
  readonly status: number | null | undefined
  /** Epoch ms. */
  readonly end: number | null | undefined
  /** Ms until the end. */
  readonly remains: number | null | undefined
}

const positive = (value: number | null | undefined): value is number => value != null && value > 0

const windowsOf = (model: ModelRemain, now: number): Array<Window> => {
  const name = model.model_name?.trim() ?? ""
  // "general" is the plan's own quota rather than a model's: its windows are the plan's, unscoped.
  const general = name === "" || name.toLowerCase() === "general"
  const scope: Scope | null = general ? null : { _tag: "Named", name }
  // Text models count requests; other lanes (speech in characters, images) count what we have no unit for.
  const unit: Unit | null = (general && name !== "") || /^minimax-m/i.test(name) ? "requests" : null
  const interval: Lane = {
    // Measured from the window's own bounds; without them its length is not said (never assumed to be 5 hours).
    seconds: positive(model.start_time) && positive(model.end_time) && model.end_time > model.start_time
      ? Math.round((model.end_time - model.start_time) / 1000)
      : null,
    total: model.current_interval_total_count,
    left: model.current_interval_usage_count,
    remainingPercent: model.current_interval_remaining_percent,
    status: model.current_interval_status,
    end: model.end_time,
    remains: model.remains_time
  }
  const weekly: Lane = {
    seconds: WEEK,
    total: model.current_weekly_total_count,
    left: model.current_weekly_usage_count,
    remainingPercent: model.current_weekly_remaining_percent,
    status: model.current_weekly_status,
    end: model.weekly_end_time,
    remains: model.weekly_remains_time
  }
  return [interval, weekly].flatMap((lane) => toWindow(lane, scope, unit, now))
}

const toWindow = (lane: Lane, scope: Scope | null, unit: Unit | null, now: number): Array<Window> => {
  const total = lane.total ?? 0
  const left = total > 0 ? lane.left : null
  const remainingPercent = left != null ? (left / total) * 100 : lane.remainingPercent
  if (remainingPercent == null) return []
  // Nothing issued and everything left, unless the status says it is in use: a lane outside the plan (video on a
  // text plan), which would otherwise show a full bar for a quota the account does not have.
  if (total === 0 && remainingPercent >= 100 && lane.status !== 1 && lane.status !== 2) return []
  return [{
    scope,
    windowSeconds: lane.seconds,
    usedPercent: left != null ? ((total - left) / total) * 100 : 100 - remainingPercent,
    resetsAt: positive(lane.end) ? new Date(lane.end) : positive(lane.remains) ? new Date(now + lane.remains) : null,
    // Counts only when the answer has them: since mid-2026 some answers carry zero totals and a percentage only.
    used: left != null ? total - left : null,
    limit: left != null ? total : null,
    unit: left != null ? unit : null
  }]
}

export class MiniMax extends ProviderTag("mystatus/providers/MiniMax", { id: ID, words })<MiniMax>() {
  static readonly layer = Layer.effect(MiniMax, make)
}
