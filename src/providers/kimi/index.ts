import { HttpClientRequest } from "@effect/platform"
import { Effect, Layer } from "effect"
import type { AccountReport, Window } from "../../schema/report.js"
import { type ApiKeyAccount, apiKeyProvider, hintOn } from "../../services/ApiKeyProvider.js"
import { ProviderTag } from "../../services/QuotaProvider.js"
import { titleCase } from "../../services/Text.js"
import { type Detail, type RateLimit, Usages } from "./schema.js"
import { words } from "./words.js"

/** Kimi for Coding, read with the Kimi Code API key; its other auth.json names are peers' (provider-api-facts §3). */
const PLATFORM = {
  id: "kimi",
  name: "Kimi for Coding",
  aliases: ["kimi-code"],
  roundTrips: 1,
  authKeys: ["kimi-for-coding", "kimi-code", "kimi"],
  baseUrlVariable: "MYSTATUS_KIMI_BASE_URL",
  defaultBaseUrl: "https://api.kimi.com"
} as const
const QUOTA_FIELDS = ["usage", "limits"] as const

const query = Effect.fn("mystatus/kimi/query")(function*({ client, key, masked }: ApiKeyAccount) {
  const usages = yield* client.json(HttpClientRequest.get("/coding/v1/usages").pipe(HttpClientRequest.bearerToken(key)), Usages, {
    fields: QUOTA_FIELDS,
    present: (answer) => QUOTA_FIELDS.some((field) => answer[field] != null)
  }).pipe(
    // Kimi Code keys differ from Moonshot platform keys, and a key another tool proxies is not one either.
    hintOn([401], "codeKey" satisfies keyof typeof words.en.hints)
  )
  return toReport(usages, masked)
})

export class Kimi extends ProviderTag("mystatus/providers/Kimi", { id: PLATFORM.id, words })<Kimi>() {
  static readonly layer = Layer.effect(Kimi, apiKeyProvider(PLATFORM, query))
}

const toReport = (usages: Usages, masked: string): AccountReport => {
  const level = usages.user?.membership?.level?.replace(/^LEVEL_/i, "").toLowerCase()
  return {
    account: masked,
    plan: level && level !== "unspecified" ? titleCase(level) : null,
    // The rate windows (5-hour, ...) first, then the plan's quota as a whole, the longest.
    windows: [
      ...(usages.limits ?? []).flatMap((limit) => (limit.detail ? toWindow(limit.detail, windowSeconds(limit)) : [])),
      ...(usages.usage ? toWindow(usages.usage, null) : [])
    ],
    notes: []
  }
}

const UNIT_SECONDS: Readonly<Record<string, number>> = { SECOND: 1, MINUTE: 60, HOUR: 3600, DAY: 86400, WEEK: 604800 }

/** `duration` × `timeUnit` ("TIME_UNIT_MINUTE"; peers also accept "MINUTE", "MINUTES"); unknown units say no length. */
const windowSeconds = ({ window }: RateLimit): number | null => {
  const unit = UNIT_SECONDS[window?.timeUnit?.toUpperCase().replace(/^TIME_UNIT_/, "").replace(/S$/, "") ?? ""]
  return unit === undefined || window?.duration == null || window.duration <= 0 ? null : window.duration * unit
}

/** Counts are requests; `used` is sometimes left out, and is then what `remaining` does not cover. */
const toWindow = (detail: Detail, seconds: number | null): Array<Window> => {
  const { limit, remaining } = detail
  const used = detail.used ?? (limit != null && remaining != null ? limit - remaining : null)
  // Without a positive limit there is nothing to be a share of.
  if (limit == null || used == null || limit <= 0) return []
  return [{
    scope: null,
    windowSeconds: seconds,
    usedPercent: (used / limit) * 100,
    resetsAt: detail.resetTime ?? detail.resetAt ?? detail.reset_time ?? detail.reset_at ?? null,
    used,
    limit,
    unit: "requests"
  }]
}
