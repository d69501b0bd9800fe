import type { Check } from "../../doctor/Check.js"
import { HttpClient, HttpClientRequest, Path } from "@effect/platform"
import { Clock, Effect, Layer, Option, Redacted } from "effect"
import { AnyEntry, type OAuthEntry } from "../../schema/auth.js"
import { CredentialsInvalid, HttpError, ProviderProblem } from "../../schema/errors.js"
import type { AccountReport, Note, Scope, Window } from "../../schema/report.js"
import { AuthFile } from "../../services/AuthFile.js"
import { baseUrl, jsonClient } from "../../services/Http.js"
import { CredentialFiles, readCredentialFile } from "../../services/JsonFile.js"
import { configDir } from "../../services/Paths.js"
import { ProviderTag, type QuotaProvider } from "../../services/QuotaProvider.js"
import { titleCase } from "../../services/Text.js"
import {
  type CopilotPatFile,
  CopilotPatFile as PatFileSchema,
  type CopilotTier,
  CopilotSessionToken,
  CopilotUser,
  PremiumRequestUsage,
  type QuotaSnapshot
} from "./schema.js"
import { words } from "./words.js"

/** Who the platform is, for the registry, the report and `--provider`. */
const PLATFORM = { id: "copilot", name: "GitHub Copilot", aliases: ["github", "github-copilot"], roundTrips: 1 } as const
const ID = PLATFORM.id
const AUTH_KEYS = ["github-copilot", "copilot", "copilot-chat", "github-copilot-chat"]
const PAT_FILE = "copilot-quota-token.json"
const BASE_URL = "MYSTATUS_GITHUB_API_URL"

/** Monthly premium requests per plan; the billing API reports usage only (REF `copilot.ts`, seed FAQ). */
const TIER_LIMITS: Readonly<Record<CopilotTier, number>> = { free: 50, pro: 300, "pro+": 1500, business: 300, enterprise: 1000 }

/** What VS Code's Copilot Chat sends; `copilot_internal` answers editors only (CB, OQ). */
const EDITOR_HEADERS = {
  accept: "application/json",
  "editor-version": "vscode/1.96.2",
  "editor-plugin-version": "copilot-chat/0.26.7",
  "user-agent": "GitHubCopilotChat/0.26.7",
  "x-github-api-version": "2025-04-01"
}

/**
 * Two ways in: the user's fine-grained PAT file (their explicit choice, so it wins when present) reads the public
 * billing API; otherwise OpenCode's GitHub login reads `copilot_internal/user`.
 */
export const makeCopilot = Effect.gen(function*() {
  const auth = yield* AuthFile
  const files = yield* CredentialFiles
  const http = yield* HttpClient.HttpClient
  const patPath = (yield* Path.Path).join(yield* configDir, PAT_FILE)

  const readPat = readCredentialFile(ID, patPath, PatFileSchema).pipe(Effect.provideService(CredentialFiles, files))

  const accounts = Effect.gen(function*() {
    const root = yield* baseUrl(ID, BASE_URL, "https://api.github.com")
    const pat = yield* readPat
    if (Option.isSome(pat)) {
      return [{ label: pat.value.username, key: pat.value.username, query: patQuery(http, root, pat.value) }]
    }
    const entry = yield* auth.entry(ID, AUTH_KEYS, AnyEntry)
    if (Option.isNone(entry) || entry.value.value.type !== "oauth") return []
    const credentials = entry.value.value
    const enterprise = credentials.enterpriseUrl === undefined || credentials.enterpriseUrl === ""
      ? null
      : enterpriseApiUrl(credentials.enterpriseUrl)
    if (enterprise === undefined) {
      return yield* new CredentialsInvalid({
        provider: ID,
        source: auth.path,
        entry: entry.value.key,
        issues: { list: [{ path: "enterpriseUrl", expected: { _tag: "Url" } }], more: 0 }
      })
    }
    return [{
      label: enterprise === null ? null : new URL(enterprise).host,
      // OpenCode's login says nothing of the account's name: one login per GitHub host.
      key: enterprise === null ? "github.com" : new URL(enterprise).host,
      query: oauthQuery(http, enterprise ?? root, credentials, patPath)
    }]
  })

  return {
    ...PLATFORM,
    sources: [{ path: auth.path, entry: AUTH_KEYS[0]! }, { path: patPath, entry: null }],
    authKeys: AUTH_KEYS,
    // FAQ 6: which way in will be used (the PAT file wins), and the PAT's fields once `accounts` decoded them.
    doctor: Effect.gen(function*() {
      const pat = yield* readPat
      if (Option.isSome(pat)) {
        return [{
          source: patPath,
          provider: ID,
          id: "path",
          status: "ok",
          message: { _tag: "Provider", key: "pat", params: { path: patPath, username: pat.value.username, tier: pat.value.tier } }
        } satisfies Check]
      }
      const entry = yield* auth.entry(ID, AUTH_KEYS, AnyEntry)
      const enterprise = Option.isSome(entry) && entry.value.value.type === "oauth" ? entry.value.value.enterpriseUrl : undefined
      const host = enterprise === undefined || enterprise === "" ? "github.com" : enterprise
      return [{
        source: auth.path,
        provider: ID,
        id: "path",
        status: "info",
        message: { _tag: "Provider", key: "login", params: { host } }
      } satisfies Check]
    }).pipe(Effect.orElseSucceed((): ReadonlyArray<Check> => [])),
    variables: [BASE_URL],
    accounts
  } satisfies QuotaProvider
})

export class Copilot extends ProviderTag("mystatus/providers/Copilot", { id: ID, words })<Copilot>() {
  static readonly layer = Layer.effect(Copilot, makeCopilot)
}

/** GitHub Enterprise Cloud (GHE.com): `octo.ghe.com` → `https://api.octo.ghe.com`; `undefined` when unusable. */
export const enterpriseApiUrl = (enterpriseUrl: string): string | undefined => {
  const raw = enterpriseUrl.includes("://") ? enterpriseUrl : `https://${enterpriseUrl}`
  if (!URL.canParse(raw)) return undefined
  const url = new URL(raw)
  if (url.protocol !== "https:" && url.protocol !== "http:") return undefined
  return `${url.protocol}//api.${url.host}`
}

/** GitHub's ways of saying "this token may not read that": both paths react to them. */
const isRefusal = (error: { readonly _tag: string }): error is HttpError =>
  error._tag === "HttpError" && [401, 403, 404].includes((error as HttpError).status)

// ---- PAT: the public billing API

const patQuery = Effect.fn("mystatus/copilot/pat-query")(function*(http: HttpClient.HttpClient, root: string, pat: CopilotPatFile) {
  const client = jsonClient(http, { provider: ID, baseUrl: root, secrets: [pat.token] })
  const usage = yield* client.json(
    HttpClientRequest.get(`/users/${encodeURIComponent(pat.username)}/settings/billing/premium_request/usage`).pipe(
      HttpClientRequest.bearerToken(pat.token),
      HttpClientRequest.setHeaders({ accept: "application/vnd.github+json", "x-github-api-version": "2022-11-28" })
    ),
    PremiumRequestUsage
  ).pipe(
    // A PAT without "Plan: Read-only", or a username that is not the token's owner, is refused this way.
    Effect.catchIf(isRefusal, (error) => new HttpError({ ...error, hint: "patPermission" satisfies keyof typeof words.en.hints }))
  )
  return patReport(pat, usage, yield* Clock.currentTimeMillis)
})

const patReport = (pat: CopilotPatFile, usage: PremiumRequestUsage, now: number): AccountReport => {
  const limit = TIER_LIMITS[pat.tier]
  const used = usage.usageItems.reduce((sum, item) => sum + item.grossQuantity, 0)
  const year = usage.timePeriod.year
  const month = usage.timePeriod.month ?? new Date(now).getUTCMonth() + 1
  const byModel = new Map<string, number>()
  for (const item of usage.usageItems) {
    const model = item.model ?? item.sku ?? "other"
    byModel.set(model, (byModel.get(model) ?? 0) + item.grossQuantity)
  }
  const top = [...byModel].filter(([, count]) => count > 0).sort((a, b) => b[1] - a[1]).slice(0, 3)
  const notes: Array<Note> = [{ _tag: "BillingPeriod", year, month }]
  if (top.length > 0) notes.push({ _tag: "TopModels", models: top.map(([name, count]) => ({ name, used: count })), unit: "requests" })
  if (used > limit) notes.push({ _tag: "OverQuota", overage: used - limit, unit: "requests" })
  return {
    account: pat.username,
    plan: titleCase(pat.tier),
    windows: [{
      scope: known("premiumRequests"),
      windowSeconds: null,
      usedPercent: (used / limit) * 100,
      // The report covers a calendar month; the allowance renews on the 1st (UTC).
      resetsAt: new Date(Date.UTC(year, month, 1)),
      used,
      limit,
      unit: "requests"
    }],
    notes
  }
}

// ---- OAuth: OpenCode's GitHub login and copilot_internal

const oauthQuery = Effect.fn("mystatus/copilot/login-query")(function*(http: HttpClient.HttpClient, root: string, credentials: OAuthEntry, patPath: string) {
  // OpenCode keeps the GitHub OAuth token (gho_…) in `refresh`; `access` may hold a Copilot session token.
  const github = [credentials.refresh, credentials.access].find((token) => /^gh[a-z]_|^github_pat_/.test(Redacted.value(token))) ??
    credentials.refresh
  const client = jsonClient(http, { provider: ID, baseUrl: root, secrets: [credentials.refresh, credentials.access] })
  const user = (authorization: string) =>
    client.json(
      HttpClientRequest.get("/copilot_internal/user").pipe(HttpClientRequest.setHeaders({ ...EDITOR_HEADERS, authorization })),
      CopilotUser,
      { fields: ["quota_snapshots"], present: (answer) => answer.quota_snapshots !== undefined }
    )
  const exchanged = client.json(
    HttpClientRequest.get("/copilot_internal/v2/token").pipe(
      HttpClientRequest.setHeaders({
        ...EDITOR_HEADERS,
        authorization: `token ${Redacted.value(github)}`,
        "copilot-integration-id": "vscode-chat"
      })
    ),
    CopilotSessionToken
  ).pipe(Effect.flatMap((session) => user(`Bearer ${Redacted.value(session.token)}`)))

  const answer = yield* user(`token ${Redacted.value(github)}`).pipe(
    Effect.catchIf(isRefusal, () => exchanged),
    Effect.catchIf(isRefusal, (error) => new ProviderProblem({
        provider: ID,
        problem: "CopilotQuotaUnavailable" satisfies keyof typeof words.en.problems,
        params: { status: error.status, patPath }
      }))
  )
  return userReport(answer)
})

const known = (key: keyof typeof words.en.scopes): Scope => ({ _tag: "Known", key })

const SNAPSHOTS = [["premium_interactions", "premiumRequests"], ["chat", "chat"], ["completions", "completions"]] as const

/** AI-credit accounts answer with zeroed snapshots that mean "not reported", not "all used" (CB `isPlaceholder`). */
const isPlaceholder = (snapshot: QuotaSnapshot) =>
  snapshot.unlimited !== true && (snapshot.entitlement ?? 0) === 0 && (snapshot.remaining ?? 0) <= 0

const userReport = (user: CopilotUser): AccountReport => {
  const resetsAt = parseReset(user.quota_reset_date_utc) ?? parseReset(user.quota_reset_date)
  const windows: Array<Window> = []
  const notes: Array<Note> = []
  for (const [field, key] of SNAPSHOTS) {
    const snapshot = user.quota_snapshots?.[field]
    if (snapshot == null) continue
    const scope = known(key)
    const premium = field === "premium_interactions"
    if (snapshot.unlimited === true) {
      // Chat and completions are unlimited on paid plans: shown only when limited.
      if (premium) windows.push({ scope, windowSeconds: null, usedPercent: 0, resetsAt, used: null, limit: null, unit: null, unlimited: true })
      continue
    }
    if (isPlaceholder(snapshot)) {
      if (premium) notes.push({ _tag: "UsageBasedBilling" })
      continue
    }
    const entitlement = snapshot.entitlement ?? null
    const remaining = snapshot.remaining ?? null
    const percentRemaining = snapshot.percent_remaining ??
      (entitlement && remaining !== null ? (remaining / entitlement) * 100 : null)
    if (percentRemaining === null) continue
    windows.push({
      scope,
      windowSeconds: null,
      usedPercent: 100 - percentRemaining,
      resetsAt,
      used: entitlement !== null && remaining !== null ? entitlement - remaining : null,
      limit: entitlement,
      unit: entitlement !== null ? "requests" : null
    })
    if ((snapshot.overage_count ?? 0) > 0) notes.push({ _tag: "OverQuota", overage: snapshot.overage_count!, unit: "requests" })
  }
  return { account: null, plan: user.copilot_plan ? titleCase(user.copilot_plan) : null, windows, notes }
}

/** `quota_reset_date_utc` is ISO; `quota_reset_date` is a bare `YYYY-MM-DD` (UTC midnight). */
const parseReset = (value: string | null | undefined): Date | null => {
  if (value == null || value === "") return null
  const time = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value)
  return Number.isNaN(time) ? null : new Date(time)
}
