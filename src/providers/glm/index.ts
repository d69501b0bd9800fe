import { HttpClientRequest } from "@effect/platform"
import { Clock, Effect, Layer, Redacted } from "effect"
import { ApiError } from "../../schema/errors.js"
import type { AccountReport, Scope, Unit, Window } from "../../schema/report.js"
import { apiKeyProvider, type ApiKeyPlatform } from "../../services/ApiKeyProvider.js"
import { type JsonClient, safeText } from "../../services/Http.js"
import { maskKey, ProviderTag } from "../../services/QuotaProvider.js"
import { titleCase } from "../../services/Text.js"
import { type QuotaLimit, QuotaLimitResponse } from "./schema.js"
import { words } from "./words.js"

/** The GLM coding plan is one API sold twice: Zhipu AI in China, Z.ai elsewhere. */
interface GlmPlatform extends ApiKeyPlatform {
  /** The API's name in its own error messages. */
  readonly service: string
}

const QUOTA_PATH = "/api/monitor/usage/quota/limit"

const makeGlm = ({ service, ...platform }: GlmPlatform) =>
  apiKeyProvider(platform, ({ client, key, root }) => query(platform.id, service, client, key, `${root}${QUOTA_PATH}`))

const query = Effect.fn("mystatus/glm/query")(function*(
  id: string,
  service: string,
  client: JsonClient,
  key: Redacted.Redacted<string>,
  endpoint: string
) {
  const response = yield* client.json(
    // The raw key, as OpenCode's own GLM client and both peers send it (Bearer is also accepted).
    HttpClientRequest.get(QUOTA_PATH).pipe(HttpClientRequest.setHeader("authorization", Redacted.value(key))),
    QuotaLimitResponse,
    {
      fields: ["data.limits", "limits"],
      // `success:false` carries no limits: it is the API's own error, reported below.
      present: (answer) => answer.success === false || answer.data?.limits != null || answer.limits != null
    }
  )
  if (response.success === false) {
    return yield* new ApiError({
      provider: id,
      service,
      endpoint,
      code: typeof response.code === "number" || /^[A-Za-z0-9_.-]{1,16}$/.test(response.code ?? "")
        ? String(response.code)
        : "unknown",
      detail: safeText(response.msg ?? "", [Redacted.value(key)]) ?? ""
    })
  }
  const now = yield* Clock.currentTimeMillis
  const limits = response.data?.limits ?? response.limits ?? []
  const plan = response.data?.planName ?? response.data?.level
  return {
    account: maskKey(Redacted.value(key)),
    plan: plan ? titleCase(plan) : null,
    windows: limits.flatMap((limit) => toWindow(limit, now)),
    notes: []
  } satisfies AccountReport
})

const HOUR = 3600
const DAY = 24 * HOUR
const WEEK = 7 * DAY
/** The monthly MCP window: the length OpenAI and peers use for "monthly" (≈ 30.4 days). */
const MONTH = 2_628_000

/**
 * Window length from (unit, number). Peers disagree on some units (provider-api-facts §2.4), so only the
 * combinations seen in the wild are trusted, and `nextResetTime` must fit inside the claimed window.
 */
const windowSeconds = (limit: QuotaLimit, now: number): number | null => {
  const n = limit.number ?? 1
  const seconds = limit.unit === 3
    ? n * HOUR
    : limit.unit === 6
    ? n * WEEK
    : limit.unit === 1 || limit.unit === 4
    ? n * DAY
    : limit.unit === 5 && n === 1
    ? MONTH
    : null
  const resetIn = limit.nextResetTime != null && limit.nextResetTime > 0 ? (limit.nextResetTime - now) / 1000 : null
  // A reset further away than the window is long means we read the unit wrong: show no length rather than a false one.
  return seconds !== null && resetIn !== null && resetIn > seconds * 1.05 + HOUR ? null : seconds
}

const known = (key: keyof typeof words.en.scopes): Scope => ({ _tag: "Known", key })

const KIND: Record<string, { readonly scope: Scope | null; readonly unit: Unit }> = {
  TOKENS_LIMIT: { scope: null, unit: "tokens" },
  TIME_LIMIT: { scope: known("mcp"), unit: "calls" },
  CREDIT_LIMIT: { scope: known("credits"), unit: "credits" }
}

const toWindow = (limit: QuotaLimit, now: number): Array<Window> => {
  const kind = KIND[limit.type] ?? { scope: { _tag: "Named", name: limit.type }, unit: null }
  const total = limit.usage ?? null
  const used = limit.currentValue ?? (total !== null && limit.remaining != null ? total - limit.remaining : null)
  const usedPercent = limit.percentage ?? (used !== null && total ? (used / total) * 100 : null)
  if (usedPercent === null) return []
  return [{
    scope: kind.scope,
    windowSeconds: windowSeconds(limit, now),
    usedPercent,
    resetsAt: limit.nextResetTime != null && limit.nextResetTime > 0 ? new Date(limit.nextResetTime) : null,
    // Token windows usually carry only a percentage: counts are shown only when the response has them.
    used: total !== null ? used : null,
    limit: used !== null ? total : null,
    unit: total !== null && used !== null ? kind.unit : null
  }]
}

const ZHIPU: GlmPlatform = {
  id: "zhipu",
  name: "Zhipu AI",
  service: "Zhipu",
  aliases: ["bigmodel", "zhipuai", "智谱"],
  roundTrips: 1,
  authKeys: ["zhipuai-coding-plan", "zhipu-coding-plan"],
  baseUrlVariable: "MYSTATUS_ZHIPU_BASE_URL",
  defaultBaseUrl: "https://bigmodel.cn"
}

const ZAI: GlmPlatform = {
  id: "zai",
  name: "Z.ai",
  service: "Z.ai",
  aliases: ["z-ai"],
  roundTrips: 1,
  authKeys: ["zai-coding-plan"],
  baseUrlVariable: "MYSTATUS_ZAI_BASE_URL",
  defaultBaseUrl: "https://api.z.ai"
}

export class Zhipu extends ProviderTag("mystatus/providers/Zhipu", { id: ZHIPU.id, words })<Zhipu>() {
  static readonly layer = Layer.effect(Zhipu, makeGlm(ZHIPU))
}

export class Zai extends ProviderTag("mystatus/providers/Zai", { id: ZAI.id, words })<Zai>() {
  static readonly layer = Layer.effect(Zai, makeGlm(ZAI))
}
