/**
 * OpenCode Go's responses and credentials, written from `shared/docs/provider-api-facts.md` §2.9 and the public
 * answers named on each. Times are relative to `now` so countdowns are predictable. Every secret contains "SECRET"
 * so tests can search all output for it.
 */
import { DAY, HOUR, jsonWindow, type ProviderFixture } from "../../support/ProviderFixture.js"

export const SECRETS = { key: "sk-FIXTURE-opencode-go-SECRET-key-9F3K" } as const

/** OpenCode `auth.json` entry (§3): api {key}, under "opencode-go". */
export const GO_ENTRY = { type: "api", key: SECRETS.key } as const

export const PATH = "/zen/go/v1/usage"

/** `resetsAt` "ISO with offset" (§2.9): the same moment written in UTC+08:00. */
export const withOffset = (now: number, seconds: number) =>
  new Date(now + seconds * 1000 + 8 * HOUR * 1000).toISOString().replace(/Z$/, "+08:00")

/** One window as the API sends it (§2.9; live answer in Gentleman-Programming/gentle-pi#1124). */
export const goWindow = (percent: number, resetsAt: string, status = "ok") => ({ status, percent, resetsAt })

/** The three windows, all "ok" (§2.9). */
export const goUsage = (now: number) => ({
  usage: {
    rolling: goWindow(15, withOffset(now, 2 * HOUR + 30 * 60)),
    weekly: goWindow(42, new Date(now + (4 * DAY + 2 * HOUR) * 1000).toISOString()),
    monthly: goWindow(3, withOffset(now, 20 * DAY))
  }
})

/** A spent weekly window: `status: "rate-limited"` with `percent: 100` (slkiser/opencode-quota#278, verbatim shape). */
export const goWeeklySpent = (now: number) => ({
  usage: { ...goUsage(now).usage, weekly: goWindow(100, new Date(now + DAY * 1000).toISOString(), "rate-limited") }
})

/** The error body OpenCode sends with 401 (can1357/oh-my-pi#8086, a curl against the live endpoint). */
export const goUnauthorized = { type: "error", error: { type: "AuthError", message: "Unauthorized" } }

const at = (now: number, seconds: number) => new Date(now + seconds * 1000).toISOString()

export const fixture = {
  ids: ["opencode-go"],
  secrets: Object.values(SECRETS),
  authEntries: () => ({ "opencode-go": GO_ENTRY }),
  files: () => ({}),
  baseUrlEnv: (url) => ({ MYSTATUS_OPENCODE_BASE_URL: url }),
  routes: (now) => ({ [`GET ${PATH}`]: { body: goUsage(now) } }),
  endpoints: [{ provider: "opencode-go", route: `GET ${PATH}`, reads: { usage: "container" } }],
  fullRun: (now) => [
    {
      id: "opencode-go",
      account: "sk-F****9F3K",
      text: ["OpenCode Go · sk-F****9F3K", /5-hour .*85% left/, /Weekly .*58% left/, /Monthly .*97% left/],
      json: {
        plan: null,
        notes: [],
        warnings: [],
        windows: [
          jsonWindow({ key: "5h", label: "5-hour", usedPercent: 15, remainingPercent: 85, resetsAt: at(now, 2.5 * HOUR), windowSeconds: 18000 }),
          jsonWindow({ key: "weekly", label: "Weekly", usedPercent: 42, remainingPercent: 58, resetsAt: at(now, 98 * HOUR), windowSeconds: 604800 }),
          jsonWindow({ key: "monthly", label: "Monthly", usedPercent: 3, remainingPercent: 97, resetsAt: at(now, 20 * DAY), windowSeconds: 2_592_000 })
        ]
      }
    }
  ]
} satisfies ProviderFixture
