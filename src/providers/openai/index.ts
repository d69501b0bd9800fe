import { HttpClient, HttpClientRequest } from "@effect/platform"
import { Clock, Effect, Layer, Option, Redacted, Schema } from "effect"
import { AnyEntry, type OAuthEntry } from "../../schema/auth.js"
import { TokenExpired } from "../../schema/errors.js"
import type { AccountReport, Note, Scope, Window } from "../../schema/report.js"
import { AuthFile } from "../../services/AuthFile.js"
import { baseUrl, type JsonClient, jsonClient } from "../../services/Http.js"
import { fingerprint, ProviderTag, type QuotaProvider } from "../../services/QuotaProvider.js"
import { titleCase } from "../../services/Text.js"
import { JwtPayload, type WhamRateLimit, WhamUsage, type WhamWindow } from "./schema.js"
import { words } from "./words.js"

/** Who the platform is, for the registry, the report and `--provider`. */
const PLATFORM = { id: "openai", name: "OpenAI", aliases: ["chatgpt", "codex"], roundTrips: 1 } as const
const ID = PLATFORM.id
const AUTH_KEYS = ["openai"]
const BASE_URL = "MYSTATUS_OPENAI_BASE_URL"
/** Business accounts answer `rate_limit: null` with credits: a field that is there, even null, is an answer. */
const QUOTA_FIELDS = ["rate_limit", "code_review_rate_limit", "additional_rate_limits", "credits"] as const

/** ChatGPT / Codex subscription limits. Only OAuth logins have them; an `api` key entry is not configured. */
export const makeOpenAi = Effect.gen(function*() {
  const auth = yield* AuthFile
  const http = yield* HttpClient.HttpClient

  const accounts = Effect.gen(function*() {
    const entry = yield* auth.entry(ID, AUTH_KEYS, AnyEntry)
    if (Option.isNone(entry) || entry.value.value.type !== "oauth") return []
    const credentials = entry.value.value
    const claims = decodeClaims(credentials.access)
    const accountId = credentials.accountId ?? claims?.["https://api.openai.com/auth"]?.chatgpt_account_id
    const email = claims?.["https://api.openai.com/profile"]?.email ?? null
    const root = yield* baseUrl(ID, BASE_URL, "https://chatgpt.com")
    const client = jsonClient(http, { provider: ID, baseUrl: root, secrets: [credentials.access, credentials.refresh] })
    return [{
      label: email,
      key: email ?? accountId ?? fingerprint(Redacted.value(credentials.refresh)),
      query: query(client, credentials, accountId, email)
    }]
  })

  return {
    ...PLATFORM,
    sources: [{ path: auth.path, entry: AUTH_KEYS[0]! }],
    variables: [BASE_URL],
    accounts
  } satisfies QuotaProvider
})

export class OpenAi extends ProviderTag("mystatus/providers/OpenAi", { id: ID, words })<OpenAi>() {
  static readonly layer = Layer.effect(OpenAi, makeOpenAi)
}

const query = Effect.fn("mystatus/openai/query")(function*(
  client: JsonClient,
  credentials: OAuthEntry,
  accountId: string | undefined,
  email: string | null
) {
  // The refresh token rotates and OpenCode owns it: spending it here would log the user out there.
  if (credentials.expires <= (yield* Clock.currentTimeMillis)) {
    return yield* new TokenExpired({ provider: ID, expiredAt: credentials.expires })
  }
  const usage = yield* client.json(
    HttpClientRequest.get("/backend-api/wham/usage").pipe(
      HttpClientRequest.bearerToken(credentials.access),
      accountId === undefined ? (request) => request : HttpClientRequest.setHeader("ChatGPT-Account-Id", accountId)
    ),
    WhamUsage,
    {
      fields: QUOTA_FIELDS,
      present: (answer) => QUOTA_FIELDS.some((field) => answer[field] !== undefined)
    }
  )
  return toReport(usage, email, yield* Clock.currentTimeMillis)
})

const decodeClaims = (token: Redacted.Redacted<string>) => {
  const payload = Redacted.value(token).split(".")[1]
  return payload === undefined ? undefined : Option.getOrUndefined(Schema.decodeUnknownOption(JwtPayload)(payload))
}

const toReport = (usage: WhamUsage, email: string | null, now: number): AccountReport => {
  const windowsOf = (limit: WhamRateLimit | null | undefined, scope: Scope | null): Array<Window> =>
    [limit?.primary_window, limit?.secondary_window].flatMap((window) => (window ? [toWindow(window, scope, now)] : []))

  const windows = [
    ...windowsOf(usage.rate_limit, null),
    ...windowsOf(usage.code_review_rate_limit, { _tag: "Known", key: "codeReview" }),
    ...(usage.additional_rate_limits ?? []).flatMap((extra) =>
      windowsOf(extra.rate_limit, { _tag: "Named", name: extra.limit_name ?? extra.metered_feature ?? "Additional" })
    )
  ]
  const notes: Array<Note> = []
  if (usage.rate_limit?.limit_reached === true) notes.push({ _tag: "LimitReached" })
  const credits = usage.credits
  if (credits && (credits.has_credits === true || credits.unlimited === true)) {
    const balance = Number(credits.balance ?? 0)
    // Balances arrive as "0E-10", "12.5" or 12.5; one that is no number is not shown.
    if (credits.unlimited === true || Number.isFinite(balance)) {
      notes.push({ _tag: "CreditsBalance", balance: Number.isFinite(balance) ? balance : 0, unlimited: credits.unlimited === true })
    }
  }
  return {
    account: usage.email ?? email,
    plan: usage.plan_type ? titleCase(usage.plan_type) : null,
    windows,
    notes
  }
}

const toWindow = (window: WhamWindow, scope: Scope | null, now: number): Window => ({
  scope,
  windowSeconds: window.limit_window_seconds ?? null,
  usedPercent: window.used_percent,
  resetsAt: window.reset_at != null
    ? new Date(window.reset_at * 1000)
    : window.reset_after_seconds != null
    ? new Date(now + window.reset_after_seconds * 1000)
    : null,
  used: null,
  limit: null,
  unit: null
})
