import { FileSystem, HttpClient, HttpClientRequest, Path } from "@effect/platform"
import { Config, Effect, Layer, Option, Redacted, Schema } from "effect"
import type { Check } from "../../doctor/Check.js"
import { HttpError, ProviderProblem } from "../../schema/errors.js"
import type { AccountReport, Scope, Window } from "../../schema/report.js"
import { baseUrl, jsonClient, type QuotaFields } from "../../services/Http.js"
import { CredentialFiles, readCredentialFile } from "../../services/JsonFile.js"
import { absoluteDirFromEnv, configDir } from "../../services/Paths.js"
import { fingerprint, ProviderTag, type QuotaProvider } from "../../services/QuotaProvider.js"
import {
  type AntigravityAccount,
  AntigravityAccountsFile,
  type AvailableModels,
  AvailableModels as AvailableModelsSchema,
  LoadCodeAssist,
  TokenResponse
} from "./schema.js"
import { words } from "./words.js"

/** Who the platform is, for the registry, the report and `--provider`. */
const PLATFORM = { id: "google", name: "Google Antigravity", aliases: ["antigravity", "gemini"], roundTrips: 2 } as const
const ID = PLATFORM.id
const ACCOUNTS_FILE = "antigravity-accounts.json"

/** The Antigravity installed-app OAuth client (public by design; the same one opencode-antigravity-auth uses). */
const CLIENT_ID = "1071006060591-tmhssin2h21lcre235vtolojh4g403ep.apps.googleusercontent.com"
const CLIENT_SECRET = "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"

/**
 * Every enabled account of the opencode-antigravity-auth plugin: refresh its token (never written back), find its
 * project, then read the per-model quota and fold it into model families.
 */
export const makeGoogle = Effect.gen(function*() {
  const fs = yield* FileSystem.FileSystem
  const files = yield* CredentialFiles
  const path = yield* Path.Path
  const http = yield* HttpClient.HttpClient
  const [primary, legacy] = accountsFiles(
    process.platform,
    yield* configDir,
    Option.getOrNull(yield* absoluteDirFromEnv("APPDATA")),
    path.join
  )

  const fileInUse = Effect.map(
    fs.exists(primary).pipe(Effect.orElseSucceed(() => true)),
    (found) => (legacy !== undefined && !found ? legacy : primary)
  )
  const read = (file: string) =>
    readCredentialFile(ID, file, AntigravityAccountsFile).pipe(Effect.provideService(CredentialFiles, files))

  const accounts = Effect.gen(function*() {
    const file = yield* fileInUse
    const content = yield* read(file)
    if (Option.isNone(content)) return []
    const endpoints = yield* Effect.all({
      oauth: baseUrl(ID, "MYSTATUS_GOOGLE_OAUTH_URL", "https://oauth2.googleapis.com"),
      cloudcode: baseUrl(ID, "MYSTATUS_CLOUDCODE_BASE_URL", "https://cloudcode-pa.googleapis.com"),
      clientId: setting("MYSTATUS_GOOGLE_CLIENT_ID", CLIENT_ID),
      clientSecret: setting("MYSTATUS_GOOGLE_CLIENT_SECRET", CLIENT_SECRET)
    })
    return content.value.accounts.flatMap((account, index) =>
      account.enabled === false
        ? []
        : [{
          label: account.email ?? `#${index + 1}`,
          // Positions shift when accounts are added; the refresh token's fingerprint does not.
          key: account.email ?? fingerprint(Redacted.value(account.refreshToken)),
          query: query(http, endpoints, account, file)
        }]
    )
  })

  return {
    ...PLATFORM,
    sources: [{ path: primary, entry: null }],
    // FAQ 7: each account, enabled or not, and the project it will be asked with. Only once `accounts` decoded the file.
    doctor: Effect.gen(function*() {
      const file = yield* fileInUse
      const content = yield* read(file)
      if (Option.isNone(content)) return []
      return content.value.accounts.map((account, index): Check => {
        const name = account.email ?? `#${index + 1}`
        const project = account.projectId || account.managedProjectId
        return {
          source: file,
          provider: ID,
          id: "account",
          status: account.enabled === false || project ? "info" : "warn",
          message: account.enabled === false
            ? { _tag: "Provider", key: "disabled", params: { account: name } }
            : project
            ? { _tag: "Provider", key: "project", params: { account: name, project } }
            : { _tag: "Provider", key: "noProject", params: { account: name } }
        }
      })
    }).pipe(Effect.orElseSucceed(() => [])),
    variables: ["MYSTATUS_GOOGLE_OAUTH_URL", "MYSTATUS_CLOUDCODE_BASE_URL", "MYSTATUS_GOOGLE_CLIENT_ID", "MYSTATUS_GOOGLE_CLIENT_SECRET"],
    accounts
  } satisfies QuotaProvider
})

/**
 * Where the accounts file may be: OpenCode's config dir on every OS; on Windows, when that has none, the
 * `%APPDATA%\opencode` older plugin versions used (provider-api-facts §3).
 */
export const accountsFiles = (
  platform: string,
  configDirectory: string,
  appData: string | null,
  join: (...parts: Array<string>) => string
): readonly [string, string?] =>
  platform === "win32" && appData !== null
    ? [join(configDirectory, ACCOUNTS_FILE), join(appData, "opencode", ACCOUNTS_FILE)]
    : [join(configDirectory, ACCOUNTS_FILE)]

export class Google extends ProviderTag("mystatus/providers/Google", { id: ID, words })<Google>() {
  static readonly layer = Layer.effect(Google, makeGoogle)
}

const setting = (name: string, fallback: string) =>
  Config.string(name).pipe(Config.withDefault(fallback), Effect.orElseSucceed(() => fallback))

interface Endpoints {
  readonly oauth: string
  readonly cloudcode: string
  readonly clientId: string
  readonly clientSecret: string
}

const ANTIGRAVITY_HEADERS = { "user-agent": "antigravity", "content-type": "application/json" }

const query = Effect.fn("mystatus/google/query")(function*(http: HttpClient.HttpClient, endpoints: Endpoints, account: AntigravityAccount, file: string) {
  const oauth = jsonClient(http, { provider: ID, baseUrl: endpoints.oauth, secrets: [account.refreshToken] })
  const token = yield* oauth.json(
    HttpClientRequest.post("/token").pipe(
      HttpClientRequest.bodyUrlParams({
        client_id: endpoints.clientId,
        client_secret: endpoints.clientSecret,
        refresh_token: Redacted.value(account.refreshToken),
        grant_type: "refresh_token"
      })
    ),
    TokenResponse
  ).pipe(
    Effect.catchIf(
      (error): error is HttpError => error._tag === "HttpError" && error.code === "invalid_grant",
      (error) => new HttpError({ ...error, hint: "signInAgain" satisfies keyof typeof words.en.hints })
    )
  )

  const cloudcode = jsonClient(http, { provider: ID, baseUrl: endpoints.cloudcode, secrets: [account.refreshToken, token.access_token] })
  const post = <A, I>(method: string, body: object, schema: Schema.Schema<A, I>, quota?: QuotaFields<A>) =>
    cloudcode.json(
      HttpClientRequest.post(`/v1internal:${method}`).pipe(
        HttpClientRequest.bearerToken(token.access_token),
        HttpClientRequest.setHeaders(ANTIGRAVITY_HEADERS),
        HttpClientRequest.bodyUnsafeJson(body)
      ),
      schema,
      quota
    )

  // Only an account without a stored project costs the extra call; it also tells the plan.
  const stored = account.projectId || account.managedProjectId
  const { plan, project } = stored
    ? { project: stored, plan: null }
    : yield* post(
      "loadCodeAssist",
      { metadata: { ideType: "ANTIGRAVITY", platform: "PLATFORM_UNSPECIFIED", pluginType: "GEMINI" } },
      LoadCodeAssist
    ).pipe(Effect.map((assist) => {
      const assigned = assist.cloudaicompanionProject
      return {
        project: (typeof assigned === "string" ? assigned : assigned?.id) || null,
        plan: assist.paidTier?.name ?? assist.currentTier?.name ?? null
      }
    }))
  if (project === null) {
    return yield* new ProviderProblem({
      provider: ID,
      problem: "MissingProjectId" satisfies keyof typeof words.en.problems,
      params: { path: file }
    })
  }
  const available = yield* post("fetchAvailableModels", { project }, AvailableModelsSchema, {
    fields: ["models"],
    present: (answer) => answer.models !== undefined
  })
  return familyReport(available, account.email ?? null, plan)
})

/**
 * Keys are renamed and recycled (`gemini-pro-agent` serves "Gemini 3.1 Pro"): the display name decides first.
 * Tried in this order (an image model's name also says "flash"); shown in `DISPLAY_ORDER`.
 */
const FAMILIES: ReadonlyArray<readonly [string, RegExp]> = [
  ["Claude", /claude/i],
  ["GPT-OSS", /gpt/i],
  ["Gemini Image", /image/i],
  ["Gemini Flash", /flash/i],
  ["Gemini Pro", /pro/i]
]
const DISPLAY_ORDER = ["Gemini Pro", "Gemini Flash", "Gemini Image", "Claude", "GPT-OSS", null]

const familyOf = (key: string, displayName: string | null | undefined): string | null => {
  const match = (text: string) => FAMILIES.find(([, pattern]) => pattern.test(text))?.[0]
  return (displayName ? match(displayName) : undefined) ?? match(key) ?? null
}

const familyReport = (available: AvailableModels, email: string | null, plan: string | null): AccountReport => {
  const lowest = new Map<string | null, { readonly fraction: number; readonly reset: string | null }>()
  for (const [key, model] of Object.entries(available.models ?? {})) {
    if (/^(chat|tab)_/.test(key)) continue // internal completions models, not user quota
    const quota = model.quotaInfo
    // An exhausted model omits remainingFraction (provider-api-facts §2.5).
    const fraction = quota?.isExhausted === true ? 0 : Math.min(1, Math.max(0, quota?.remainingFraction ?? 0))
    const family = familyOf(key, model.displayName)
    const current = lowest.get(family)
    if (current === undefined || fraction < current.fraction) lowest.set(family, { fraction, reset: quota?.resetTime ?? null })
  }
  const windows = DISPLAY_ORDER.flatMap((family): Array<Window> => {
    const entry = lowest.get(family)
    if (entry === undefined) return []
    const scope: Scope = family === null ? { _tag: "Known", key: "otherModels" satisfies keyof typeof words.en.scopes } : { _tag: "Named", name: family }
    const reset = entry.reset === null ? Number.NaN : Date.parse(entry.reset)
    return [{
      scope,
      windowSeconds: null,
      usedPercent: (1 - entry.fraction) * 100,
      resetsAt: Number.isNaN(reset) ? null : new Date(reset),
      used: null,
      limit: null,
      unit: null
    }]
  })
  return { account: email, plan, windows, notes: [] }
}
