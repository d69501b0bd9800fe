/**
 * One fixed run that shows every kind of line the text report has: every window kind, every note, every error tag
 * (with a platform's own hint and failures), a platform asked for and not configured. Rendered in every language by
 * languages.test.ts and compared with the files in expected/, each of which was read line by line when written.
 */
import * as Errors from "../../src/schema/errors.js"
import type { Outcome, RunResult, Window } from "../../src/schema/report.js"

export const NOW = Date.UTC(2026, 10, 22, 10, 0, 0)
const MIN = 60_000
const HOUR = 60 * MIN
const DAY = 24 * HOUR

const window = (fields: Partial<Window>): Window => ({
  scope: null,
  windowSeconds: null,
  usedPercent: 0,
  resetsAt: null,
  used: null,
  limit: null,
  unit: null,
  ...fields
})

const reported = (id: string, name: string, account: string | null, plan: string | null, windows: ReadonlyArray<Window>, notes: Extract<Outcome, { _tag: "Reported" }>["report"]["notes"] = []): Outcome => ({
  _tag: "Reported",
  id,
  name,
  accountKey: account ?? id,
  report: { account, plan, windows, notes }
})

const failed = (id: string, name: string, account: string | null, error: Errors.QuotaError): Outcome => ({
  _tag: "Failed",
  id,
  name,
  account,
  accountKey: account,
  error
})

const HOME = "/home/dev"
const AUTH = `${HOME}/.local/share/opencode/auth.json`
const PAT = `${HOME}/.config/opencode/copilot-quota-token.json`
const ACCOUNTS = `${HOME}/.config/opencode/antigravity-accounts.json`

export const fullRun: RunResult = {
  generatedAt: new Date(NOW),
  sources: [],
  notConfigured: [{
    id: "copilot",
    name: "GitHub Copilot",
    sources: [
      { name: "GitHub Copilot", path: AUTH, entry: "github-copilot", exists: true },
      { name: "GitHub Copilot", path: PAT, entry: null, exists: false }
    ]
  }],
  outcomes: [
    reported("openai", "OpenAI", "dev@example.com", "Plus", [
      window({ windowSeconds: 18000, usedPercent: 33, resetsAt: new Date(NOW + 2 * HOUR + 30 * MIN) }),
      window({ windowSeconds: 604800, usedPercent: 81, resetsAt: new Date(NOW + 3 * DAY + 4 * HOUR) }),
      window({ scope: { _tag: "Known", key: "codeReview" }, windowSeconds: 604800, usedPercent: 10, resetsAt: new Date(NOW + 6 * DAY) }),
      window({ scope: { _tag: "Named", name: "GPT-5.3-Codex-Spark" }, windowSeconds: 86400, usedPercent: 100, resetsAt: new Date(NOW - MIN) })
    ], [{ _tag: "LimitReached" }, { _tag: "CreditsBalance", balance: 12.5, unlimited: false }]),
    reported("claude", "Claude", "Claude Code + OpenCode", "Max 20x", [
      window({ scope: { _tag: "Known", key: "opus" }, windowSeconds: 604800, usedPercent: 30, resetsAt: new Date(NOW + 3 * DAY) }),
      window({ scope: { _tag: "Named", name: "Fable" }, windowSeconds: 604800, usedPercent: 86, resetsAt: new Date(NOW + 5 * DAY) }),
      window({ scope: { _tag: "Known", key: "oauthApps" }, windowSeconds: 604800, usedPercent: 2 }),
      window({ scope: { _tag: "Known", key: "extraUsage" }, usedPercent: 24.8 })
    ], [
      { _tag: "ExtraUsage", spent: 1234.5, limit: 5000, currency: "EUR", decimals: 2 },
      { _tag: "ExtraUsage", spent: 4500, limit: null, currency: "JPY", decimals: 0 }
    ]),
    reported("zhipu", "Zhipu AI", "9c89****AQVM", "Pro", [
      window({ windowSeconds: 3 * 86400, usedPercent: 5, resetsAt: new Date(NOW + 30 * 1000) }),
      window({ windowSeconds: 90 * 60, usedPercent: 50 }),
      window({ scope: { _tag: "Known", key: "mcp" }, windowSeconds: 2_628_000, usedPercent: 22.4, used: 224, limit: 1000, unit: "calls", resetsAt: new Date(NOW + 20 * DAY) }),
      window({ usedPercent: 12, used: 1_234_567.5, limit: 10_000_000, unit: "tokens" })
    ]),
    reported("copilot", "GitHub Copilot", "octo-dev", "Pro", [
      window({ scope: { _tag: "Known", key: "premiumRequests" }, usedPercent: 104, used: 312, limit: 300, unit: "requests", resetsAt: new Date(NOW + 8 * DAY + 14 * HOUR) }),
      window({ scope: { _tag: "Known", key: "chat" }, usedPercent: 0, unlimited: true })
    ], [
      { _tag: "BillingPeriod", year: 2026, month: 11 },
      { _tag: "TopModels", models: [{ name: "Claude Sonnet 4", used: 120 }, { name: "GPT-5", used: 1040 }], unit: "requests" },
      { _tag: "OverQuota", overage: 12, unit: "requests" }
    ]),
    reported("copilot", "GitHub Copilot", "github.com", "Business", [], [{ _tag: "UsageBasedBilling" }]),
    reported("google", "Google Antigravity", "alice@example.com", "Google AI Pro", [
      window({ scope: { _tag: "Named", name: "Gemini Pro" }, usedPercent: 40, resetsAt: new Date(NOW + 2 * HOUR) }),
      window({ scope: { _tag: "Known", key: "otherModels" }, usedPercent: 10, resetsAt: new Date(NOW + 6 * HOUR) })
    ]),
    reported("openrouter", "OpenRouter", "sk-o****C3D4", null, [
      window({ scope: { _tag: "Known", key: "keyLimit" }, windowSeconds: 2_592_000, usedPercent: 75.32, used: 37.66, limit: 50, currency: "USD", resetsAt: new Date(NOW + 8 * DAY + 14 * HOUR) })
    ], [
      { _tag: "MoneyLeft", amount: 1234.5, currency: "USD" },
      { _tag: "MoneySpent", today: 1.2, week: 8.4, month: 37.66, currency: "USD" }
    ]),
    reported("openrouter", "OpenRouter", "sk-o****E5F6", null, [], [
      { _tag: "BalanceHidden" },
      { _tag: "MoneySpent", today: null, week: 0, month: 4.5, currency: "USD" }
    ]),
    failed("opencode", "OpenCode", null, new Errors.AuthFileUnreadable({ provider: "opencode", path: AUTH, problem: "notJson", line: 3, column: 14 })),
    failed("copilot", "GitHub Copilot", null, new Errors.AuthFileUnreadable({ provider: "copilot", path: PAT, problem: "permissionDenied" })),
    failed("google", "Google Antigravity", null, new Errors.CredentialsInvalid({
      provider: "google",
      source: ACCOUNTS,
      issues: { list: [{ path: "accounts[0].refreshToken", expected: { _tag: "Missing" } }, { path: "version", expected: { _tag: "Type", types: ["number"] } }], more: 0 }
    })),
    failed("openai", "OpenAI", null, new Errors.CredentialsInvalid({
      provider: "openai",
      source: AUTH,
      entry: "openai",
      issues: { list: [{ path: "expires", expected: { _tag: "Timestamp" } }], more: 2 }
    })),
    failed("zai", "Z.ai", null, new Errors.ConfigInvalid({ provider: "zai", variable: "MYSTATUS_ZAI_BASE_URL" })),
    failed("openai", "OpenAI", "dev@example.com", new Errors.TokenExpired({ provider: "openai", expiredAt: NOW - 2 * HOUR })),
    failed("claude", "Claude", "OpenCode", new Errors.TokenExpired({ provider: "claude", expiredAt: NOW - 3 * DAY })),
    failed("claude", "Claude", "Claude Code", new Errors.HttpError({ provider: "claude", endpoint: "https://api.anthropic.com/api/oauth/usage", status: 401, detail: "OAuth token has expired.", hint: "signInAgain" })),
    failed("claude", "Claude", "Claude Code", new Errors.HttpError({ provider: "claude", endpoint: "https://api.anthropic.com/api/oauth/usage", status: 403, hint: "profileScope" })),
    failed("claude", "Claude", "macOS Keychain", new Errors.HttpError({ provider: "claude", endpoint: "https://api.anthropic.com/api/oauth/usage", status: 429, retryAfterSeconds: 2974, detail: "Rate limited. Please try again later.", hint: "rateLimited" })),
    failed("claude", "Claude", null, new Errors.CredentialsInvalid({
      provider: "claude",
      source: "macOS Keychain item \"Claude Code-credentials\"",
      issues: { list: [{ path: "claudeAiOauth.accessToken", expected: { _tag: "Missing" } }], more: 0 }
    })),
    failed("openai", "OpenAI", "dev@example.com", new Errors.HttpError({ provider: "openai", endpoint: "https://chatgpt.com/backend-api/wham/usage", status: 401, detail: "Provided authentication token is expired." })),
    failed("zhipu", "Zhipu AI", "9c89****AQVM", new Errors.HttpError({ provider: "zhipu", endpoint: "https://bigmodel.cn/api/monitor/usage/quota/limit", status: 429, retryAfterSeconds: 5400 })),
    failed("google", "Google Antigravity", "bob@example.com", new Errors.HttpError({ provider: "google", endpoint: "https://oauth2.googleapis.com/token", status: 400, code: "invalid_grant", hint: "signInAgain" })),
    failed("zai", "Z.ai", "5b1e****Z7QX", new Errors.ApiError({ provider: "zai", service: "Z.ai", endpoint: "https://api.z.ai/api/monitor/usage/quota/limit", code: "1001", detail: "Invalid API key" })),
    failed("zai", "Z.ai", "5b1e****Z7QX", new Errors.DecodeError({ provider: "zai", endpoint: "https://api.z.ai/api/monitor/usage/quota/limit", reason: "noQuota", fields: ["data.limits", "limits"] })),
    failed("openai", "OpenAI", "dev@example.com", new Errors.DecodeError({
      provider: "openai",
      endpoint: "https://chatgpt.com/backend-api/wham/usage",
      reason: "shape",
      issues: { list: [{ path: "rate_limit.primary_window.used_percent", expected: { _tag: "Type", types: ["number"] } }], more: 0 }
    })),
    failed("google", "Google Antigravity", "alice@example.com", new Errors.NetworkError({ provider: "google", endpoint: "https://cloudcode-pa.googleapis.com/v1internal:fetchAvailableModels", cause: "getaddrinfo ENOTFOUND cloudcode-pa.googleapis.com" })),
    failed("copilot", "GitHub Copilot", null, new Errors.ProviderProblem({ provider: "copilot", problem: "CopilotQuotaUnavailable", params: { status: 404, patPath: PAT } })),
    failed("google", "Google Antigravity", "carol@example.com", new Errors.ProviderProblem({ provider: "google", problem: "MissingProjectId", params: { path: ACCOUNTS } })),
    failed("zhipu", "Zhipu AI", "9c89****AQVM", new Errors.Timeout({ provider: "zhipu", seconds: 10 }))
  ]
}

/** Nothing configured at all: the help with every platform's ways in. */
export const emptyRun: RunResult = {
  generatedAt: new Date(NOW),
  outcomes: [],
  notConfigured: [],
  sources: [
    { name: "OpenAI", path: AUTH, entry: "openai", exists: false },
    { name: "Zhipu AI", path: AUTH, entry: "zhipuai-coding-plan", exists: false },
    { name: "GitHub Copilot", path: AUTH, entry: "github-copilot", exists: false },
    { name: "GitHub Copilot", path: PAT, entry: null, exists: false },
    { name: "Google Antigravity", path: ACCOUNTS, entry: null, exists: true }
  ]
}
