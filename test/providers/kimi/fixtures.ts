/**
 * Kimi for Coding's responses and credentials, written from `shared/docs/provider-api-facts.md` §2.6 and the public
 * fixtures named on each (CB = steipete/CodexBar `Tests/CodexBarTests/KimiProviderTests.swift`). Times are relative
 * to `now` so countdowns are predictable. Every secret contains "SECRET" so tests can search all output for it.
 */
import { DAY, HOUR, jsonWindow, type ProviderFixture } from "../../support/ProviderFixture.js"

export const SECRETS = { key: "sk-kimi-FIXTURE-code-SECRET-key-A1B2" } as const

/** OpenCode `auth.json` entry (§3): api {key}, under "kimi-for-coding" (aliases "kimi-code", "kimi"). */
export const KIMI_ENTRY = { type: "api", key: SECRETS.key } as const

export const PATH = "/coding/v1/usages"

/** `resetTime` as Kimi sends it: ISO-8601 with nanoseconds (CB "2026-01-09T15:23:13.373329235Z"). */
export const nanos = (now: number, seconds: number) => new Date(now + seconds * 1000).toISOString().replace(/Z$/, "329235Z")

/** A `detail` (or `usage`) block: counts as decimal strings, as the API sends them (§2.6, CB "parses code API usage"). */
export const detail = (limit: string, used: string | undefined, remaining: string | undefined, resetTime?: string) => ({
  limit,
  ...(used === undefined ? {} : { used }),
  ...(remaining === undefined ? {} : { remaining }),
  ...(resetTime === undefined ? {} : { resetTime })
})

export const rateLimit = (duration: number, timeUnit: string, block: object) => ({ window: { duration, timeUnit }, detail: block })

/**
 * The overall quota and the 5-hour window (300 × TIME_UNIT_MINUTE), with the membership level and the fields a live
 * answer also carries (`parallel`, `totalQuota`: public captures in model-hotel and kimi-cli users' tests).
 */
export const kimiUsages = (now: number) => ({
  user: { userId: "u-fixture", region: "REGION_OVERSEA", membership: { level: "LEVEL_INTERMEDIATE" } },
  usage: detail("2048", "512", "1536", nanos(now, 3 * DAY + 4 * HOUR)),
  limits: [rateLimit(300, "TIME_UNIT_MINUTE", detail("200", "30", "170", nanos(now, 2 * HOUR + 30 * 60)))],
  parallel: { limit: "10" },
  totalQuota: { limit: "100", remaining: "99" },
  subType: "TYPE_PURCHASE"
})

const at = (now: number, seconds: number) => new Date(now + seconds * 1000).toISOString()

export const fixture = {
  ids: ["kimi"],
  secrets: Object.values(SECRETS),
  authEntries: () => ({ "kimi-for-coding": KIMI_ENTRY }),
  files: () => ({}),
  baseUrlEnv: (url) => ({ MYSTATUS_KIMI_BASE_URL: url }),
  routes: (now) => ({ [`GET ${PATH}`]: { body: kimiUsages(now) } }),
  endpoints: [{ provider: "kimi", route: `GET ${PATH}`, reads: { usage: "container", limits: "container" } }],
  fullRun: (now) => [
    {
      id: "kimi",
      account: "sk-k****A1B2",
      text: ["Kimi for Coding · sk-k****A1B2 · Intermediate", /5-hour .*85% left +30 \/ 200 requests used/, /Usage .*75% left +512 \/ 2,048 requests used/],
      json: {
        plan: "Intermediate",
        notes: [],
        warnings: [],
        windows: [
          jsonWindow({
            key: "5h",
            label: "5-hour",
            usedPercent: 15,
            remainingPercent: 85,
            resetsAt: at(now, 2.5 * HOUR),
            windowSeconds: 18000,
            used: 30,
            limit: 200,
            unit: "requests"
          }),
          jsonWindow({
            key: "requests",
            label: "Usage",
            usedPercent: 25,
            remainingPercent: 75,
            resetsAt: at(now, 3 * DAY + 4 * HOUR),
            used: 512,
            limit: 2048,
            unit: "requests"
          })
        ]
      }
    }
  ]
} satisfies ProviderFixture
