/**
 * OpenRouter's responses and credentials, written from `shared/docs/provider-api-facts.md` §2.8 and the public
 * sources named on each: OpenRouter's API reference (OR: https://openrouter.ai/docs/api/api-reference/api-keys/get-current-key,
 * the SDKs' `GetCurrentKeyResponse` and `GetCreditsResponse` examples) and CodexBar (CB: steipete/CodexBar
 * `docs/openrouter.md`, `Tests/CodexBarTests/OpenRouterUsageStatsTests.swift`). Every secret contains "SECRET" so tests
 * can search all output for it.
 */
import { nextReset } from "../../../src/providers/openrouter/index.js"
import { jsonWindow, type ProviderFixture } from "../../support/ProviderFixture.js"

export const SECRETS = { key: "sk-or-v1-FIXTURE-SECRET-openrouter-key-C3D4" } as const

/** OpenCode `auth.json` entry (§3): api {key}, under "openrouter". */
export const OPENROUTER_ENTRY = { type: "api", key: SECRETS.key } as const

export const KEY_PATH = "/api/v1/key"
export const CREDITS_PATH = "/api/v1/credits"

/**
 * `GET /api/v1/key` as OR's `GetCurrentKeyResponse` example has it (every field, `limit_reset` "monthly", the
 * deprecated `rate_limit`), with a $50 monthly limit of which $12.34 is left. `over` replaces fields.
 */
export const keyInfo = (over: Record<string, unknown> = {}) => ({
  data: {
    label: "sk-or-v1-f1x...c3d",
    limit: 50,
    limit_remaining: 12.34,
    limit_reset: "monthly",
    include_byok_in_limit: false,
    usage: 88.25,
    usage_daily: 1.2,
    usage_weekly: 8.4,
    usage_monthly: 37.66,
    byok_usage: 0,
    byok_usage_daily: 0,
    byok_usage_weekly: 0,
    byok_usage_monthly: 0,
    is_free_tier: false,
    is_provisioning_key: false,
    is_management_key: false,
    creator_user_id: "user_FIXTURE0000000000",
    expires_at: null,
    rate_limit: { requests: 1000, interval: "1h", note: "This field is deprecated and safe to ignore." },
    ...over
  }
})

/**
 * A key without a limit: OR's reference has `limit` and `limit_reset` nullable ("null for no reset"); CB "missing key
 * limit omits primary and marks no limit" shows no meter for it.
 */
export const unlimitedKey = keyInfo({ limit: null, limit_remaining: null, limit_reset: null })

/** `GET /api/v1/credits` (OR `GetCreditsResponse`: {data: {total_credits, total_usage}}): $61.75 left. */
export const credits = (totalCredits = 150, totalUsage = 88.25) => ({ data: { total_credits: totalCredits, total_usage: totalUsage } })

export const fixture = {
  ids: ["openrouter"],
  secrets: Object.values(SECRETS),
  authEntries: () => ({ openrouter: OPENROUTER_ENTRY }),
  files: () => ({}),
  baseUrlEnv: (url) => ({ MYSTATUS_OPENROUTER_BASE_URL: url }),
  routes: () => ({ [`GET ${KEY_PATH}`]: { body: keyInfo() }, [`GET ${CREDITS_PATH}`]: { body: credits() } }),
  endpoints: [
    { provider: "openrouter", route: `GET ${KEY_PATH}`, reads: { data: "container" } },
    // OR: the credits take a management key; a key refused there still reports what /api/v1/key gave.
    { provider: "openrouter", route: `GET ${CREDITS_PATH}`, reads: { data: "container" }, degradesOn: [401, 403] }
  ],
  fullRun: (now) => [
    {
      id: "openrouter",
      account: "sk-o****C3D4",
      firstRequests: 2,
      text: [
        "OpenRouter · sk-o****C3D4",
        /Key limit · Monthly +█+░+ +\$12\.34 left of \$50\.00 +\$37\.66 \/ \$50\.00 used +Resets in /,
        "  Credits left: $61.75",
        "  Spent: $1.20 today, $8.40 this week, $37.66 this month"
      ],
      json: {
        plan: null,
        warnings: [],
        notes: ["Credits left: $61.75", "Spent: $1.20 today, $8.40 this week, $37.66 this month"],
        windows: [
          jsonWindow({
            key: "key-limit:monthly",
            label: "Key limit · Monthly",
            usedPercent: 75.32,
            remainingPercent: 24.68,
            resetsAt: nextReset("monthly", now).toISOString(),
            windowSeconds: 2_592_000,
            used: 37.66,
            limit: 50,
            currency: "USD"
          })
        ]
      }
    }
  ]
} satisfies ProviderFixture
