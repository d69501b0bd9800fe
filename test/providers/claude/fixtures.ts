/**
 * Claude's responses and credentials, written from `shared/docs/provider-api-facts.md` §2.2 (Anthropic) and §3
 * (auth.json), and the public sources named on each. Times are relative to `now` so countdowns are predictable. Every
 * secret contains "SECRET" so tests can search all output for it.
 */
import { DAY, HOUR, jsonWindow, type ProviderFixture } from "../../support/ProviderFixture.js"

/** One login's tokens, as Claude Code mints them (`sk-ant-oat01-…` access, `sk-ant-ort01-…` refresh: §2.2). */
export const claudeTokens = (name: string) => ({
  access: `sk-ant-oat01-FIXTURE-claude-${name}-access-SECRET`,
  refresh: `sk-ant-ort01-FIXTURE-claude-${name}-refresh-SECRET`
})

/** The login of the home where every provider is configured, in Claude Code's file and copied into auth.json. */
export const MAIN = claudeTokens("main")

/** Claude Code's own credentials file, relative to HOME (`~/.claude/.credentials.json`: §2.2 "2026 state"). */
export const CREDENTIALS_PATH = ".claude/.credentials.json"

export const PATH = "/api/oauth/usage"

/**
 * `.credentials.json` (and the Keychain item, the same JSON) as Claude Code writes it: `claudeAiOauth` with
 * `accessToken`, `refreshToken`, `expiresAt` (epoch ms), `scopes`, `subscriptionType`, `rateLimitTier`
 * (robinebers/openusage `docs/providers/claude.md`; scopes as in dannystocker/infrafabric
 * `swarm-architecture/CLAUDE_OAUTH_REPORT.md`), and an MCP login next to it (Claude Code 2.1.x: §2.2).
 */
export const claudeCredentials = (now: number, tokens = MAIN, fields: object = {}) => ({
  claudeAiOauth: {
    accessToken: tokens.access,
    refreshToken: tokens.refresh,
    expiresAt: now + 8 * HOUR * 1000,
    scopes: ["user:inference", "user:profile", "user:sessions:claude_code"],
    subscriptionType: "max",
    rateLimitTier: "default_claude_max_20x",
    ...fields
  },
  mcpOAuth: { "linear|1f2e3d": { serverName: "linear", accessToken: "mcp-FIXTURE-linear-SECRET", expiresAt: now + DAY * 1000 } }
})

/** OpenCode's `anthropic` entry as third-party auth plugins write it: oauth {access, refresh, expires ms} (§2.2, §3). */
export const anthropicEntry = (now: number, tokens = MAIN, fields: object = {}) => ({
  type: "oauth",
  access: tokens.access,
  refresh: tokens.refresh,
  expires: now + 8 * HOUR * 1000,
  ...fields
})

/** A reset `seconds` from now, as the API writes it: milliseconds and `Z`. */
export const resetMs = (now: number, seconds: number) => new Date(now + seconds * 1000).toISOString()

/** The same instant with microseconds and `+00:00` (§2.2: "ms `…000Z` or microseconds `+00:00`"). */
export const resetMicros = (now: number, seconds: number) => resetMs(now, seconds).replace(/Z$/, "417+00:00")

/**
 * A Max account's answer, shaped as the live one of §2.2 (and a public capture of 2026-09 with the same fields):
 * both timestamp forms, nullable per-model windows, codename slots (null, or zeroed like `nimbus_quill`), dollar
 * fields that are null on subscriptions, the newer `limits` (which repeats the plan's two windows and adds the
 * model-scoped "Fable"), and extra usage billed in euros (minor units: 1240 → 12.40).
 */
export const claudeUsage = (now: number) => ({
  five_hour: { utilization: 22.0, resets_at: resetMicros(now, 2.5 * HOUR), limit_dollars: null, used_dollars: null, locked_reason: null },
  seven_day: { utilization: 41.0, resets_at: resetMs(now, 3 * DAY + 4 * HOUR), limit_dollars: null, used_dollars: null, locked_reason: null },
  seven_day_oauth_apps: null,
  seven_day_opus: null,
  seven_day_sonnet: { utilization: 8.5, resets_at: resetMicros(now, 3 * DAY + 4 * HOUR) },
  seven_day_cowork: null,
  iguana_necktie: null,
  nimbus_quill: { utilization: 0.0, resets_at: null, limit_dollars: null, used_dollars: null, locked_reason: null },
  extra_usage: { is_enabled: true, monthly_limit: 5000, used_credits: 1240, utilization: 24.8, currency: "EUR", decimal_places: null },
  limits: [
    { kind: "session", group: "session", percent: 22, severity: "normal", resets_at: resetMicros(now, 2.5 * HOUR), scope: null, is_active: false },
    { kind: "weekly_all", group: "weekly", percent: 41, severity: "normal", resets_at: resetMs(now, 3 * DAY + 4 * HOUR), scope: null, is_active: true },
    {
      kind: "weekly_scoped",
      group: "weekly",
      percent: 86,
      severity: "warning",
      resets_at: resetMicros(now, 5 * DAY),
      scope: { model: { id: null, display_name: "Fable" }, surface: null },
      is_active: false
    }
  ],
  member_dashboard_available: false
})

/** Whole seconds: the report's reset instants, as `resetMs` writes them. */
const iso = (now: number, seconds: number) => resetMs(now, seconds)

export const fixture = {
  ids: ["claude"],
  secrets: [...Object.values(MAIN), "mcp-FIXTURE-linear-SECRET"],
  authEntries: (now) => ({ anthropic: anthropicEntry(now) }),
  files: (now) => ({ [CREDENTIALS_PATH]: claudeCredentials(now) }),
  // Never the developer's own Keychain: on macOS the default would read it (and send its token to the fake server).
  baseUrlEnv: (url) => ({ MYSTATUS_ANTHROPIC_BASE_URL: url, MYSTATUS_CLAUDE_KEYCHAIN: "off" }),
  routes: (now) => ({ [`GET ${PATH}`]: { body: claudeUsage(now) } }),
  endpoints: [{
    provider: "claude",
    route: `GET ${PATH}`,
    reads: { five_hour: "container", seven_day: "container", limits: "container", extra_usage: "container" },
    process: { fault: "429 with Retry-After", json: false }
  }],
  // The login is in Claude Code's file and in auth.json: one account, saying where it was found.
  fullRun: (now) => [{
    id: "claude",
    account: "Claude Code + OpenCode",
    text: [
      "Claude · Claude Code + OpenCode · Max 20x",
      /5-hour +█+░+ +78% left +Resets in 2h 30m/,
      /Fable · Weekly +█+░+ +14% left +Resets in 5d 0h/,
      "⚠ Fable · Weekly: 86% used",
      "Extra usage: 12.40 EUR of 50.00 EUR spent this month"
    ],
    json: {
      accountKey: "claude-code",
      plan: "Max 20x",
      windows: [
        jsonWindow({ key: "5h", label: "5-hour", usedPercent: 22, remainingPercent: 78, resetsAt: iso(now, 2.5 * HOUR), windowSeconds: 18000 }),
        jsonWindow({ key: "weekly", label: "Weekly", usedPercent: 41, remainingPercent: 59, resetsAt: iso(now, 3 * DAY + 4 * HOUR), windowSeconds: 604800 }),
        jsonWindow({
          key: "sonnet:weekly",
          label: "Sonnet · Weekly",
          usedPercent: 8.5,
          remainingPercent: 91.5,
          resetsAt: iso(now, 3 * DAY + 4 * HOUR),
          windowSeconds: 604800
        }),
        jsonWindow({ key: "model:fable:weekly", label: "Fable · Weekly", usedPercent: 86, remainingPercent: 14, resetsAt: iso(now, 5 * DAY), windowSeconds: 604800 }),
        jsonWindow({ key: "extra-usage", label: "Extra usage", usedPercent: 24.8, remainingPercent: 75.2, resetsAt: null })
      ],
      warnings: ["Fable · Weekly: 86% used"],
      notes: ["Extra usage: 12.40 EUR of 50.00 EUR spent this month"]
    }
  }]
} satisfies ProviderFixture
