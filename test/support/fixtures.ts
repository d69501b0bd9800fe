/**
 * Provider responses and credentials, written from `shared/docs/provider-api-facts.md` (section named on each).
 * Times are relative to `now` so countdowns are predictable. Every secret contains "SECRET" so tests can
 * search all output for it.
 */
import type { Routes } from "./FakeServer.js"

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
  [`GET ${PATHS.zai}`]: { body: zaiRootLimits(now) }
})

/** Base URLs pointing every provider at the fake server; Zhipu and Z.ai share a path, so each gets a prefix. */
export const baseUrlEnv = (url: string): Record<string, string> => ({
  MYSTATUS_OPENAI_BASE_URL: url,
  MYSTATUS_ZHIPU_BASE_URL: `${url}/zhipu`,
  MYSTATUS_ZAI_BASE_URL: `${url}/zai`
})
