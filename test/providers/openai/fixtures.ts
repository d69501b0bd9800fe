/**
 * OpenAI's responses and credentials, written from `shared/docs/provider-api-facts.md` (section named on each).
 * Times are relative to `now` so countdowns are predictable. Every secret contains "SECRET" so tests can search all
 * output for it.
 */
import { DAY, HOUR, jsonWindow, type ProviderFixture } from "../../support/ProviderFixture.js"

export const SECRETS = {
  refresh: "rt_FIXTURE-openai-refresh-SECRET-7f3a",
  signature: "SECRETSIG-openai-9d2c"
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
    SECRETS.signature
  ].join(".")

export const OPENAI_ACCESS = openaiJwt({ accountId: "acc-from-jwt", email: "dev@example.com" })

/** OpenCode's `auth.json` entry (§3): oauth {access, refresh, expires ms, accountId?}. */
export const openaiEntry = (now: number) => ({
  type: "oauth",
  access: OPENAI_ACCESS,
  refresh: SECRETS.refresh,
  expires: now + DAY * 1000
})

export const PATH = "/backend-api/wham/usage"

// ---- wham/usage (§2.1)

export const whamWindow = (now: number, usedPercent: number, windowSeconds: number, resetAfter: number) => ({
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

/** The ISO time a wham window of `whamPlus(now)` resets at, `resetAfter` seconds on (to the whole second, §2.1). */
const resetIso = (now: number, resetAfter: number) => new Date((Math.floor(now / 1000) + resetAfter) * 1000).toISOString()

export const fixture = {
  ids: ["openai"],
  secrets: [...Object.values(SECRETS), OPENAI_ACCESS],
  authEntries: (now) => ({ openai: openaiEntry(now) }),
  files: () => ({}),
  baseUrlEnv: (url) => ({ MYSTATUS_OPENAI_BASE_URL: url }),
  routes: (now) => ({ [`GET ${PATH}`]: { body: whamPlus(now) } }),
  endpoints: [{
    provider: "openai",
    route: `GET ${PATH}`,
    reads: { rate_limit: "container", code_review_rate_limit: "container", additional_rate_limits: "container", credits: "container" },
    process: { fault: "a slow drip", json: false }
  }],
  fullRun: (now) => [{
    id: "openai",
    account: "dev@example.com",
    text: ["OpenAI · dev@example.com · Plus", /5-hour +█+░+ +67% left +Resets in 2h 30m/],
    json: {
      plan: "Plus",
      notes: [],
      windows: [
        jsonWindow({ key: "5h", label: "5-hour", usedPercent: 33, remainingPercent: 67, resetsAt: resetIso(now, 2.5 * HOUR), windowSeconds: 18000 }),
        jsonWindow({ key: "weekly", label: "Weekly", usedPercent: 81, remainingPercent: 19, resetsAt: resetIso(now, 76 * HOUR), windowSeconds: 604800 })
      ],
      warnings: ["Weekly: 81% used"]
    }
  }]
} satisfies ProviderFixture
