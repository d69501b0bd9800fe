/**
 * Provider responses and credentials, written from `shared/docs/provider-api-facts.md` (section named on each).
 * Times are relative to `now` so countdowns are predictable. Every secret contains "SECRET" so tests can
 * search all output for it.
 */
import type { Routes } from "./FakeServer.js"

/** Where the Antigravity plugin keeps its accounts, relative to HOME (§3). */
export const GOOGLE_ACCOUNTS_PATH = ".config/opencode/antigravity-accounts.json"

const HOUR = 3600
const DAY = 24 * HOUR

export const SECRETS = {
  openaiRefresh: "rt_FIXTURE-openai-refresh-SECRET-7f3a",
  openaiSignature: "SECRETSIG-openai-9d2c",
  zhipuKey: "9c89FIXTUREzhipuSECRETkey.AQVM",
  zaiKey: "5b1eFIXTUREzaiSECRETkey00.Z7QX"
} as const

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url")

/** A ChatGPT access token: a JWT whose claims carry the account id and email (§2.1 "Account id source"). */
export const openaiJwt = (claims: { readonly accountId?: string; readonly email?: string } = {}) =>
  [
    base64url({ alg: "RS256", typ: "JWT" }),
    base64url({
      "https://api.openai.com/auth": claims.accountId === undefined ? {} : { chatgpt_account_id: claims.accountId },
      "https://api.openai.com/profile": claims.email === undefined ? {} : { email: claims.email }
    }),
    SECRETS.openaiSignature
  ].join(".")

export const OPENAI_ACCESS = openaiJwt({ accountId: "acc-from-jwt", email: "dev@example.com" })

/** OpenCode `auth.json` entries (§3): oauth {access, refresh, expires ms, accountId?} and api {key}. */
export const authEntries = (now: number) => ({
  openai: { type: "oauth", access: OPENAI_ACCESS, refresh: SECRETS.openaiRefresh, expires: now + DAY * 1000 },
  "github-copilot": copilotEntry(),
  "zhipuai-coding-plan": { type: "api", key: SECRETS.zhipuKey },
  "zai-coding-plan": { type: "api", key: SECRETS.zaiKey },
  // Entries of providers we do not know are ignored (§3 lists many).
  deepseek: { type: "api", key: "sk-FIXTURE-deepseek-SECRET" }
})

// ---- OpenAI wham/usage (§2.1)

const whamWindow = (now: number, usedPercent: number, windowSeconds: number, resetAfter: number) => ({
  used_percent: usedPercent,
  limit_window_seconds: windowSeconds,
  reset_after_seconds: resetAfter,
  reset_at: Math.floor(now / 1000) + resetAfter
})

/** Plus: 5-hour primary, weekly secondary, credits balance as a string (§2.1 example). */
export const whamPlus = (now: number) => ({
  user_id: "user-X",
  account_id: "acc-X",
  email: "dev@example.com",
  plan_type: "plus",
  rate_limit: {
    allowed: true,
    limit_reached: false,
    primary_window: whamWindow(now, 33, 18000, 2 * HOUR + 30 * 60),
    secondary_window: whamWindow(now, 81, 604800, 3 * DAY + 4 * HOUR)
  },
  code_review_rate_limit: null,
  additional_rate_limits: null,
  credits: { has_credits: false, unlimited: false, overage_limit_reached: false, balance: "0" }
})

/** Pro: the primary window is the weekly one and secondary is null (openai/codex#44206 in §2.1). */
export const whamWeeklyPrimary = (now: number) => ({
  plan_type: "pro",
  rate_limit: {
    allowed: true,
    limit_reached: false,
    primary_window: whamWindow(now, 12, 604800, 5 * DAY),
    secondary_window: null
  },
  code_review_rate_limit: null,
  additional_rate_limits: null,
  credits: null
})

/** Business: `rate_limit: null`, credits balance as a number (§2.1). */
export const whamBusiness = () => ({
  plan_type: "business",
  rate_limit: null,
  code_review_rate_limit: null,
  additional_rate_limits: null,
  credits: { has_credits: true, unlimited: false, overage_limit_reached: false, balance: 12.5 }
})

/** Extra windows: code review and an additional model limit; `limit_reached` set (§2.1). */
export const whamExtras = (now: number) => ({
  plan_type: "prolite",
  rate_limit: {
    allowed: false,
    limit_reached: true,
    primary_window: whamWindow(now, 100, 18000, 40 * 60),
    secondary_window: whamWindow(now, 55, 604800, 2 * DAY)
  },
  code_review_rate_limit: { primary_window: whamWindow(now, 10, 604800, 6 * DAY), secondary_window: null },
  additional_rate_limits: [
    {
      limit_name: "GPT-5.3-Codex-Spark",
      metered_feature: "codex_bengalfox",
      rate_limit: {
        allowed: true,
        limit_reached: false,
        primary_window: whamWindow(now, 20, 18000, HOUR),
        secondary_window: whamWindow(now, 5, 604800, 6 * DAY)
      }
    }
  ],
  credits: { has_credits: true, unlimited: false, balance: "0E-10" }
})

// ---- Zhipu / Z.ai quota/limit (§2.4)

/** 5-hour and weekly token windows (percentage only) and the monthly MCP quota with counts (§2.4 example). */
export const glmLimits = (now: number) => ({
  code: 200,
  msg: "success",
  success: true,
  data: {
    level: "pro",
    limits: [
      { type: "TOKENS_LIMIT", unit: 3, number: 5, percentage: 25, nextResetTime: now + (2 * HOUR + 30 * 60) * 1000 },
      { type: "TOKENS_LIMIT", unit: 6, number: 1, percentage: 9, nextResetTime: now + (4 * DAY + 2 * HOUR) * 1000 },
      {
        type: "TIME_LIMIT",
        unit: 5,
        number: 1,
        usage: 1000,
        currentValue: 224,
        remaining: 776,
        percentage: 22,
        nextResetTime: now + 20 * DAY * 1000,
        usageDetails: [{ modelCode: "search-prime", usage: 210 }]
      }
    ]
  }
})

/** Z.ai with `limits` at the root and a TIME_LIMIT without reset time (-1) (§2.4, OQ "allows Z.ai root limits"). */
export const zaiRootLimits = (now: number) => ({
  code: 200,
  msg: "Operation successful",
  success: true,
  limits: [
    { type: "TOKENS_LIMIT", unit: 3, number: 5, percentage: 85, nextResetTime: now + HOUR * 1000 },
    { type: "TIME_LIMIT", unit: 5, number: 1, usage: 100, currentValue: 40, remaining: 60, percentage: 40, nextResetTime: -1 }
  ]
})

/** HTTP 200 with `success:false` is the error path (§2.4, REF zhipu.ts). */
export const glmFailure = { code: 401, msg: "Invalid API key", success: false }

// ---- Routes

export const PATHS = {
  openai: "/backend-api/wham/usage",
  zhipu: "/zhipu/api/monitor/usage/quota/limit",
  zai: "/zai/api/monitor/usage/quota/limit"
} as const

/** Every implemented provider answering normally. */
export const happyRoutes = (now: number): Routes => ({
  [`GET ${PATHS.openai}`]: { body: whamPlus(now) },
  [`GET ${PATHS.zhipu}`]: { body: glmLimits(now) },
  [`GET ${PATHS.zai}`]: { body: zaiRootLimits(now) },
  [`GET ${COPILOT_PATHS.user}`]: { body: copilotUser },
  ...googleRoutes(now)
})

/** Base URLs pointing every provider at the fake server; Zhipu and Z.ai share a path, so each gets a prefix. */
export const baseUrlEnv = (url: string): Record<string, string> => ({
  MYSTATUS_OPENAI_BASE_URL: url,
  MYSTATUS_ZHIPU_BASE_URL: `${url}/zhipu`,
  MYSTATUS_ZAI_BASE_URL: `${url}/zai`,
  MYSTATUS_GITHUB_API_URL: url,
  MYSTATUS_GOOGLE_OAUTH_URL: `${url}/oauth`,
  MYSTATUS_CLOUDCODE_BASE_URL: `${url}/cloudcode`
})

// ---- GitHub Copilot (§2.3)

export const COPILOT_SECRETS = {
  gho: "gho_FIXTURE0copilot0oauth0SECRET",
  session: "tid=FIXTURE-copilot-session-SECRET;exp=1999999999",
  pat: "github_pat_FIXTURE_copilot_pat_SECRET"
} as const

/** OpenCode's entry: `refresh` holds the gho_ token, `access` the same or a session token, `expires` 0 (§3). */
export const copilotEntry = (extra: object = {}) => ({
  type: "oauth",
  refresh: COPILOT_SECRETS.gho,
  access: COPILOT_SECRETS.gho,
  expires: 0,
  ...extra
})

const snapshot = (entitlement: number, remaining: number, extra: object = {}) => ({
  entitlement,
  remaining,
  quota_remaining: remaining,
  percent_remaining: Math.round((remaining / entitlement) * 1000) / 10,
  overage_count: 0,
  overage_permitted: false,
  unlimited: false,
  timestamp_utc: "2026-11-07T07:00:13.229Z",
  ...extra
})

const UNLIMITED = { unlimited: true, entitlement: 0, remaining: 0, percent_remaining: 100 }

/** Copilot allowances renew on the 1st of the month (UTC); fixtures use the coming one so countdowns stay positive. */
const today = new Date()
export const COPILOT_RESET = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + 1, 1))

/** Individual plan, 71 of 300 premium requests left (23.7 %), chat and completions unlimited (§2.3 example). */
export const copilotUser = {
  copilot_plan: "individual",
  chat_enabled: true,
  token_based_billing: false,
  quota_reset_date: COPILOT_RESET.toISOString().slice(0, 10),
  quota_reset_date_utc: COPILOT_RESET.toISOString(),
  quota_snapshots: {
    premium_interactions: snapshot(300, 71, { quota_id: "premium_interactions" }),
    chat: { ...UNLIMITED, quota_id: "chat" },
    completions: { ...UNLIMITED, quota_id: "completions" }
  }
}

/** Only the date-only reset field (§2.3: `quota_reset_date` "YYYY-MM-DD"). */
export const copilotDateOnlyReset = { ...copilotUser, quota_reset_date_utc: undefined }

/** Over quota: negative `percent_remaining` with an overage count (§2.3 "can be negative when over: -0.33"). */
export const copilotOverQuota = {
  ...copilotUser,
  quota_snapshots: {
    ...copilotUser.quota_snapshots,
    premium_interactions: { ...snapshot(300, -1), percent_remaining: -0.33, overage_count: 12, overage_permitted: true }
  }
}

/** Unlimited premium requests: 100 % remaining, never "0 % used" of nothing (§2.3 "unlimited: true"). */
export const copilotUnlimited = {
  ...copilotUser,
  copilot_plan: "enterprise",
  quota_snapshots: { ...copilotUser.quota_snapshots, premium_interactions: UNLIMITED }
}

/** AI-credit (token-based billing) account: placeholder snapshots with entitlement 0 (§2.3 Gotchas). */
export const copilotPlaceholder = {
  ...copilotUser,
  token_based_billing: true,
  quota_snapshots: {
    premium_interactions: { entitlement: 0, remaining: 0, percent_remaining: 100, unlimited: false, quota_id: "premium_interactions" },
    chat: { entitlement: 0, remaining: 0, percent_remaining: 0, unlimited: false, quota_id: "chat" }
  }
}

/** Free plan: chat and completions are limited too (§2.3 free/limited plans). */
export const copilotFree = {
  ...copilotUser,
  copilot_plan: "free",
  quota_snapshots: {
    premium_interactions: snapshot(50, 40),
    chat: snapshot(50, 10),
    completions: snapshot(2000, 1500)
  }
}

/** `copilot_internal/v2/token` (§2.3, REF). */
export const copilotSessionToken = {
  token: COPILOT_SECRETS.session,
  expires_at: 1999999999,
  refresh_in: 1500,
  endpoints: { api: "https://api.individual.githubcopilot.com" }
}

/** `copilot-quota-token.json` (seed FAQ; §3). */
export const copilotPatFile = (tier = "pro", extra: object = {}) => ({
  token: COPILOT_SECRETS.pat,
  username: "octo-dev",
  tier,
  ...extra
})

/** Public billing API, premium request report: usage items only, no limit (§2.3). */
export const premiumRequestUsage = {
  timePeriod: { year: 2026, month: 11 },
  user: "octo-dev",
  usageItems: [
    { product: "Copilot", sku: "Copilot Premium Request", model: "Claude Sonnet 4", unitType: "requests", pricePerUnit: 0.04, grossQuantity: 120, grossAmount: 4.8, discountQuantity: 120, discountAmount: 4.8, netQuantity: 0, netAmount: 0 },
    { product: "Copilot", sku: "Copilot Premium Request", model: "GPT-5", unitType: "requests", pricePerUnit: 0.04, grossQuantity: 40, grossAmount: 1.6, discountQuantity: 40, discountAmount: 1.6, netQuantity: 0, netAmount: 0 },
    { product: "Copilot", sku: "Copilot Premium Request", model: "Gemini 2.5 Pro", unitType: "requests", pricePerUnit: 0.04, grossQuantity: 12, grossAmount: 0.48, discountQuantity: 12, discountAmount: 0.48, netQuantity: 0, netAmount: 0 },
    { product: "Copilot", sku: "Copilot Premium Request", model: "o3", unitType: "requests", pricePerUnit: 0.04, grossQuantity: 3, grossAmount: 0.12, discountQuantity: 3, discountAmount: 0.12, netQuantity: 0, netAmount: 0 }
  ]
}

export const COPILOT_PATHS = {
  user: "/copilot_internal/user",
  token: "/copilot_internal/v2/token",
  billing: "/users/octo-dev/settings/billing/premium_request/usage"
} as const

// ---- Google Antigravity (§2.5, §3 antigravity-accounts.json)

export const GOOGLE_PATHS = {
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
  [`POST ${GOOGLE_PATHS.token}`]: (request) => {
    const refresh = new URLSearchParams(request.body).get("refresh_token") ?? ""
    const name = /^1\/\/FIXTURE-google-(.+)-refresh-SECRET$/.exec(refresh)?.[1]
    return name === undefined || name === "revoked"
      ? { status: 400, body: { error: "invalid_grant", error_description: "Token has been expired or revoked." } }
      : { body: { access_token: googleToken(name).access, expires_in: 3599, token_type: "Bearer" } }
  },
  [`POST ${GOOGLE_PATHS.loadCodeAssist}`]: (request) => {
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
  [`POST ${GOOGLE_PATHS.fetchModels}`]: (request) =>
    typeof bodyOf(request).project === "string" ? { body: googleModels(now) } : { status: 400, body: { error: "no project" } }
})

/** The demo's two Antigravity accounts: one with email and project, one known only by position. */
export const demoGoogleAccounts = googleAccountsFile([
  googleAccount("alice", { email: "alice@example.com", projectId: "proj-alice" }),
  googleAccount("second", { managedProjectId: "managed-second" })
])

/** A home with every implemented provider configured, as the demo and the end-to-end tests use it. */
export const seedHome = (home: { readonly write: (relative: string, content: object) => string }, now: number) => {
  home.write(".local/share/opencode/auth.json", authEntries(now))
  home.write(GOOGLE_ACCOUNTS_PATH, demoGoogleAccounts)
}

/** Every secret the fixtures hold: no output may contain any of them. */
export const FIXTURE_SECRETS: ReadonlyArray<string> = [
  ...Object.values(SECRETS),
  ...Object.values(COPILOT_SECRETS),
  ...["alice", "second"].flatMap((name) => Object.values(googleToken(name))),
  OPENAI_ACCESS,
  "sk-FIXTURE-deepseek-SECRET"
]
