/**
 * Google Antigravity's responses and credentials, written from `shared/docs/provider-api-facts.md` (§2.5, §3
 * antigravity-accounts.json). Times are relative to `now` so countdowns are predictable. Every secret contains
 * "SECRET" so tests can search all output for it.
 */
import type { RecordedRequest, Routes } from "../../support/FakeServer.js"
import { jsonWindow, type ProviderFixture } from "../../support/ProviderFixture.js"

/** Where the Antigravity plugin keeps its accounts, relative to HOME (§3). */
export const ACCOUNTS_PATH = ".config/opencode/antigravity-accounts.json"

export const PATHS = {
  token: "/oauth/token",
  loadCodeAssist: "/cloudcode/v1internal:loadCodeAssist",
  fetchModels: "/cloudcode/v1internal:fetchAvailableModels"
} as const

/** Each fixture account's refresh token and the access token the fake OAuth endpoint gives for it. */
export const googleToken = (name: string) => ({
  refresh: `1//FIXTURE-google-${name}-refresh-SECRET`,
  access: `ya29.FIXTURE-google-${name}-access-SECRET`
})

/** A plugin account entry as opencode-antigravity-auth v4 stores it (extra bookkeeping fields included). */
export const googleAccount = (name: string, fields: object = {}) => ({
  refreshToken: googleToken(name).refresh,
  addedAt: 1760000000000,
  lastUsed: 1763000000000,
  rateLimitResetTimes: { claude: 0, "gemini-antigravity": 0 },
  ...fields
})

export const googleAccountsFile = (accounts: ReadonlyArray<object>) => ({ version: 4, accounts, activeIndex: 0 })

/**
 * `fetchAvailableModels`: drifted and recycled keys, an exhausted model without `remainingFraction`, internal
 * `chat_*`/`tab_*` keys and an unknown model (§2.5 example and "Model keys drift").
 */
export const googleModels = (now: number) => {
  const at = (hours: number) => new Date(now + hours * 3600_000).toISOString()
  return {
    models: {
      "gemini-3.1-pro-high": { displayName: "Gemini 3.1 Pro (High)", model: "MODEL_PLACEHOLDER_M8", quotaInfo: { remainingFraction: 0.8, resetTime: at(3) } },
      "gemini-pro-agent": { displayName: "Gemini 3.1 Pro (Low)", quotaInfo: { remainingFraction: 0.6, resetTime: at(2) } },
      "gemini-3-flash": { displayName: "Gemini 3 Flash", quotaInfo: { remainingFraction: 1, resetTime: at(5) } },
      "gemini-2.5-flash-image": { displayName: "Gemini 2.5 Flash Image", quotaInfo: { remainingFraction: 0.95, resetTime: at(5) } },
      "claude-opus-4-6-thinking": { displayName: "Claude Opus 4.6 (Thinking)", quotaInfo: { resetTime: at(50), isExhausted: true } },
      "claude-sonnet-4-6": { displayName: "Claude Sonnet 4.6", quotaInfo: { remainingFraction: 0.5, resetTime: at(4) } },
      "gpt-oss-120b-medium": { displayName: "GPT-OSS 120B (Medium)", quotaInfo: { remainingFraction: 0.15, resetTime: at(1) } },
      "chat_20706": { displayName: "Chat", quotaInfo: { remainingFraction: 0, resetTime: at(1) } },
      "tab_flash_lite_preview": { quotaInfo: { remainingFraction: 0 } },
      "rev19-uic3-1p": { displayName: "Experimental Model", quotaInfo: { remainingFraction: 0.9, resetTime: at(6) } }
    },
    defaultAgentModelId: "gemini-3.1-pro-high"
  }
}

const bodyOf = (request: { readonly body: string }) => {
  try {
    return JSON.parse(request.body) as Record<string, unknown>
  } catch {
    return {}
  }
}

/**
 * The Google endpoints of a fake server: the token endpoint answers each known refresh token with its access token
 * (`invalid_grant` for "revoked"), loadCodeAssist assigns `discovered-<name>` except to "unassigned", and
 * fetchAvailableModels answers any project.
 */
export const googleRoutes = (now: number): Routes => ({
  [`POST ${PATHS.token}`]: (request: RecordedRequest) => {
    const refresh = new URLSearchParams(request.body).get("refresh_token") ?? ""
    const name = /^1\/\/FIXTURE-google-(.+)-refresh-SECRET$/.exec(refresh)?.[1]
    return name === undefined || name === "revoked"
      ? { status: 400, body: { error: "invalid_grant", error_description: "Token has been expired or revoked." } }
      : { body: { access_token: googleToken(name).access, expires_in: 3599, token_type: "Bearer" } }
  },
  [`POST ${PATHS.loadCodeAssist}`]: (request: RecordedRequest) => {
    const name = /FIXTURE-google-(.+)-access-SECRET/.exec(String(request.headers.authorization))?.[1] ?? "unknown"
    return {
      body: {
        ...(name === "unassigned" ? {} : { cloudaicompanionProject: `discovered-${name}` }),
        currentTier: { id: "standard-tier", name: "Gemini Code Assist" },
        paidTier: { id: "g1-pro-tier", name: "Google AI Pro" },
        allowedTiers: []
      }
    }
  },
  [`POST ${PATHS.fetchModels}`]: (request: RecordedRequest) =>
    typeof bodyOf(request).project === "string" ? { body: googleModels(now) } : { status: 400, body: { error: "no project" } }
})

const DEMO_NAMES = ["alice", "second"]

/** The demo's two Antigravity accounts: one with email and project, one known only by position. */
export const demoGoogleAccounts = googleAccountsFile([
  googleAccount("alice", { email: "alice@example.com", projectId: "proj-alice" }),
  googleAccount("second", { managedProjectId: "managed-second" })
])

/** `googleModels(now)` folded into families, lowest remaining first within each (§2.5). */
const familyWindows = (now: number) => {
  const window = (key: string, label: string, remainingPercent: number, hours: number) =>
    jsonWindow({ key, label, usedPercent: 100 - remainingPercent, remainingPercent, resetsAt: new Date(now + hours * 3600_000).toISOString() })
  return [
    window("model:gemini-pro", "Gemini Pro", 60, 2),
    window("model:gemini-flash", "Gemini Flash", 100, 5),
    window("model:gemini-image", "Gemini Image", 95, 5),
    window("model:claude", "Claude", 0, 50),
    window("model:gpt-oss", "GPT-OSS", 15, 1),
    window("other-models", "Other models", 90, 6)
  ]
}

export const fixture = {
  ids: ["google"],
  secrets: DEMO_NAMES.flatMap((name) => Object.values(googleToken(name))),
  authEntries: () => ({}),
  files: () => ({ [ACCOUNTS_PATH]: demoGoogleAccounts }),
  baseUrlEnv: (url) => ({ MYSTATUS_GOOGLE_OAUTH_URL: `${url}/oauth`, MYSTATUS_CLOUDCODE_BASE_URL: `${url}/cloudcode` }),
  routes: googleRoutes,
  endpoints: [
    { provider: "google", route: `POST ${PATHS.token}`, reads: { access_token: "text" } },
    { provider: "google", route: `POST ${PATHS.fetchModels}`, reads: { models: "container" }, process: { fault: "a slow drip", json: true } }
  ],
  fullRun: (now) =>
    ["alice@example.com", "#2"].map((account) => ({
      id: "google",
      account,
      text: [`Google Antigravity · ${account}`],
      json: { plan: null, notes: [], windows: familyWindows(now), warnings: ["Claude: 100% used", "GPT-OSS: 85% used"] }
    }))
} satisfies ProviderFixture
