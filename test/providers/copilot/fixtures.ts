/**
 * GitHub Copilot's responses and credentials, written from `shared/docs/provider-api-facts.md` (section named on
 * each). Every secret contains "SECRET" so tests can search all output for it.
 */
import type { Routes } from "../../support/FakeServer.js"
import { jsonWindow, type ProviderFixture, type Variant } from "../../support/ProviderFixture.js"

export const SECRETS = {
  gho: "gho_FIXTURE0copilot0oauth0SECRET",
  session: "tid=FIXTURE-copilot-session-SECRET;exp=1999999999",
  pat: "github_pat_FIXTURE_copilot_pat_SECRET"
} as const

/** Where OpenCode's config dir keeps the user's Copilot PAT file, relative to HOME (seed FAQ; §3). */
export const PAT_PATH = ".config/opencode/copilot-quota-token.json"

export const PATHS = {
  user: "/copilot_internal/user",
  token: "/copilot_internal/v2/token",
  billing: "/users/octo-dev/settings/billing/premium_request/usage"
} as const

/** OpenCode's entry: `refresh` holds the gho_ token, `access` the same or a session token, `expires` 0 (§3). */
export const copilotEntry = (extra: object = {}) => ({
  type: "oauth",
  refresh: SECRETS.gho,
  access: SECRETS.gho,
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
  token: SECRETS.session,
  expires_at: 1999999999,
  refresh_in: 1500,
  endpoints: { api: "https://api.individual.githubcopilot.com" }
}

/** `copilot-quota-token.json` (seed FAQ; §3). */
export const copilotPatFile = (tier = "pro", extra: object = {}) => ({
  token: SECRETS.pat,
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

/** The home where every provider is configured, plus the PAT file, which Copilot then prefers: the billing API. */
export const PAT: Variant = {
  name: "pat",
  files: () => ({ [PAT_PATH]: copilotPatFile() }),
  routes: () => ({ [`GET ${PATHS.billing}`]: { body: premiumRequestUsage } }),
  readsAuthJson: false
}

/**
 * `copilot_internal/user` refuses the gho_ token and accepts only the session token, so the client must go through
 * `copilot_internal/v2/token` (§2.3, "when refused, exchange"), which answers normally.
 */
const userRefusesGho = (): Routes => ({
  [`GET ${PATHS.user}`]: (request) =>
    request.headers.authorization === `Bearer ${SECRETS.session}`
      ? { body: copilotUser }
      : { status: 401, body: { message: "Bad credentials" } },
  [`GET ${PATHS.token}`]: { body: copilotSessionToken }
})

export const fixture = {
  ids: ["copilot"],
  secrets: Object.values(SECRETS),
  authEntries: () => ({ "github-copilot": copilotEntry() }),
  files: () => ({}),
  baseUrlEnv: (url) => ({ MYSTATUS_GITHUB_API_URL: url }),
  routes: () => ({ [`GET ${PATHS.user}`]: { body: copilotUser } }),
  endpoints: [
    {
      provider: "copilot",
      route: `GET ${PATHS.user}`,
      reads: { quota_snapshots: "container" },
      // Refused, the client exchanges the token, which the fake server does not know either: the PAT advice.
      refusedAs: "ProviderProblem",
      process: { fault: "wrong-shape JSON echoing the Authorization header", json: true }
    },
    {
      provider: "copilot",
      route: `GET ${PATHS.token}`,
      reads: { token: "text" },
      reach: userRefusesGho,
      refusedAs: "ProviderProblem"
    },
    { provider: "copilot", route: `GET ${PATHS.billing}`, reads: { timePeriod: "container", usageItems: "container" }, variant: PAT }
  ],
  fullRun: () => [{
    id: "copilot",
    account: null,
    text: ["GitHub Copilot · Individual", /Premium requests .*24% left +229 \/ 300 requests/],
    json: {
      plan: "Individual",
      notes: [],
      windows: [jsonWindow({
        key: "premium-requests",
        label: "Premium requests",
        usedPercent: 76.3,
        remainingPercent: 23.7,
        resetsAt: COPILOT_RESET.toISOString(),
        used: 229,
        limit: 300,
        unit: "requests"
      })]
    }
  }]
} satisfies ProviderFixture
