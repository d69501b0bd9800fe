/**
 * MiniMax's responses and credentials, written from `shared/docs/provider-api-facts.md` §2.7 and §3 and the public
 * code named on each: CB = steipete/CodexBar (the `token-plan-normal.json` fixture §2.7 cites, and
 * `MiniMaxModelRemains.swift`), OU = robinebers/openusage `plugins/minimax/plugin.js`. Times are relative to `now`
 * so countdowns are predictable. Every secret contains "SECRET" so tests can search all output for it.
 */
import { DAY, HOUR, jsonWindow, type ProviderFixture } from "../../support/ProviderFixture.js"

export const SECRETS = {
  globalKey: "sk-cp-FIXTURE-minimax-SECRET-global-M1GL",
  chinaKey: "sk-cp-FIXTURE-minimax-SECRET-china-M2CN"
} as const

/** OpenCode `auth.json` entries (§3): api {key}, one per platform (minimax.io, minimaxi.com). */
export const GLOBAL_ENTRY = { type: "api", key: SECRETS.globalKey } as const
export const CHINA_ENTRY = { type: "api", key: SECRETS.chinaKey } as const

/** The two platforms are two hosts: the fake server tells them apart by a prefix of each base URL. */
export const PATHS = {
  global: "/minimax/v1/api/openplatform/coding_plan/remains",
  china: "/minimax-cn/v1/token_plan/remains"
} as const

const ms = (now: number, seconds: number) => now + seconds * 1000

// ---- remains (§2.7)

/**
 * The global endpoint's answer with `model_remains` and `base_resp` at the root (§2.7; OU reads `payload.data ??
 * payload`), in the shape of MrRayBob/openusage `plugins/minimax/plugin.test.js` `successPayload` (model
 * "MiniMax-M2", numeric counts, a 5-hour `start_time`..`end_time`), percentages as strings (§2.7: `"96"`).
 * `*_usage_count` is what REMAINS (§2.7; khaney64/minimax-usage: "API returns remaining, not used"): 300 of 1,500
 * left is 1,200 used, 80 %.
 */
export const globalRemains = (now: number) => ({
  base_resp: { status_code: 0, status_msg: "success" },
  current_subscribe_title: "Plus",
  model_remains: [
    {
      model_name: "MiniMax-M2",
      start_time: ms(now, -2.5 * HOUR),
      end_time: ms(now, 2.5 * HOUR),
      remains_time: 2.5 * HOUR * 1000,
      current_interval_total_count: 1500,
      current_interval_usage_count: 300,
      current_interval_remaining_percent: "20",
      weekly_start_time: ms(now, -3 * DAY),
      weekly_end_time: ms(now, 4 * DAY),
      weekly_remains_time: 4 * DAY * 1000,
      current_weekly_total_count: 15000,
      current_weekly_usage_count: 13500,
      current_weekly_remaining_percent: "90"
    }
  ]
})

/**
 * The China token plan's answer under `data` (§2.7, CB's token-plan-normal.json: `current_subscribe_title`,
 * `points_balance` as a string), every figure a string (CB `MiniMaxModelRemains.swift` decodes each one as a number
 * or a numeric string). Its lanes: `general`, the plan's own quota in public captures of the live endpoint, whose
 * weekly totals are zero with a percentage only (public adapters note the totals have read 0 since 2026-06 and use
 * the percentage); `speech-hd`, counted per day in characters (a public Token Plan capture: "speech-hd 9,000
 * chars / day"); and `video`, not in the plan: status 3, zero counts, 100 % left (public ports of CodexBar's MiniMax
 * service: "status 3, zero counts and 100% remaining", left out), which mystatus leaves out too.
 */
export const chinaRemains = (now: number) => ({
  base_resp: { status_code: 0, status_msg: "success" },
  data: {
    current_subscribe_title: "Token Plan Plus",
    points_balance: "0",
    model_remains: [
      {
        model_name: "general",
        start_time: String(ms(now, -HOUR)),
        end_time: String(ms(now, 4 * HOUR)),
        remains_time: String(4 * HOUR * 1000),
        current_interval_total_count: "4500",
        current_interval_usage_count: "3600",
        current_interval_remaining_percent: "80",
        current_interval_status: 1,
        weekly_start_time: String(ms(now, -6 * DAY)),
        weekly_end_time: String(ms(now, DAY + 2 * HOUR)),
        current_weekly_total_count: "0",
        current_weekly_usage_count: "0",
        current_weekly_remaining_percent: "64",
        current_weekly_status: 1
      },
      {
        model_name: "speech-hd",
        start_time: String(ms(now, -10 * HOUR)),
        end_time: String(ms(now, 14 * HOUR)),
        current_interval_total_count: "9000",
        current_interval_usage_count: "6750",
        current_interval_remaining_percent: "75",
        current_interval_status: 1,
        current_weekly_total_count: "0",
        current_weekly_usage_count: "0",
        current_weekly_remaining_percent: "100",
        current_weekly_status: 3
      },
      {
        model_name: "video",
        start_time: String(ms(now, -HOUR)),
        end_time: String(ms(now, 4 * HOUR)),
        current_interval_total_count: "0",
        current_interval_usage_count: "0",
        current_interval_remaining_percent: "100",
        current_interval_status: 3,
        current_weekly_total_count: "0",
        current_weekly_usage_count: "0",
        current_weekly_remaining_percent: "100",
        current_weekly_status: 3
      }
    ]
  }
})

/**
 * A refused key: HTTP 200 with `base_resp.status_code` 1004 (§2.7; OU reports 1004 as the auth error; "login fail"
 * is what MiniMax's endpoints answer a key sent the wrong way, per a public audit of them).
 */
export const refusedKey = { base_resp: { status_code: 1004, status_msg: "login fail" }, model_remains: [] }

const READS = { data: "container", model_remains: "container", base_resp: "container" } as const

const at = (now: number, seconds: number) => new Date(now + seconds * 1000).toISOString()

export const fixture = {
  ids: ["minimax"],
  secrets: Object.values(SECRETS),
  authEntries: () => ({ "minimax-coding-plan": GLOBAL_ENTRY, "minimax-cn-coding-plan": CHINA_ENTRY }),
  files: () => ({}),
  baseUrlEnv: (url) => ({ MYSTATUS_MINIMAX_BASE_URL: `${url}/minimax`, MYSTATUS_MINIMAX_CN_BASE_URL: `${url}/minimax-cn` }),
  routes: (now) => ({
    [`GET ${PATHS.global}`]: { body: globalRemains(now) },
    [`GET ${PATHS.china}`]: { body: chinaRemains(now) }
  }),
  // One account per platform, each asking its own endpoint: a fault at one fails that account alone.
  endpoints: [
    { provider: "minimax", route: `GET ${PATHS.global}`, reads: READS, accounts: ["sk-c****M1GL"] },
    { provider: "minimax", route: `GET ${PATHS.china}`, reads: READS, accounts: ["sk-c****M2CN"] }
  ],
  fullRun: (now) => [
    {
      id: "minimax",
      account: "sk-c****M1GL",
      text: ["MiniMax · sk-c****M1GL · Plus", /MiniMax-M2 · 5-hour +.*20% left +1,200 \/ 1,500 requests used/],
      json: {
        plan: "Plus",
        notes: [],
        warnings: ["MiniMax-M2 · 5-hour: 80% used"],
        windows: [
          jsonWindow({
            key: "model:minimax-m2:5h",
            label: "MiniMax-M2 · 5-hour",
            usedPercent: 80,
            remainingPercent: 20,
            resetsAt: at(now, 2.5 * HOUR),
            windowSeconds: 18000,
            used: 1200,
            limit: 1500,
            unit: "requests"
          }),
          jsonWindow({
            key: "model:minimax-m2:weekly",
            label: "MiniMax-M2 · Weekly",
            usedPercent: 10,
            remainingPercent: 90,
            resetsAt: at(now, 4 * DAY),
            windowSeconds: 604800,
            used: 1500,
            limit: 15000,
            unit: "requests"
          })
        ]
      }
    },
    {
      id: "minimax",
      account: "sk-c****M2CN",
      text: ["MiniMax · sk-c****M2CN · Token Plan Plus", /speech-hd · Daily +.*75% left +2,250 \/ 9,000 used/],
      json: {
        plan: "Token Plan Plus",
        notes: [],
        warnings: [],
        windows: [
          jsonWindow({
            key: "5h",
            label: "5-hour",
            usedPercent: 20,
            remainingPercent: 80,
            resetsAt: at(now, 4 * HOUR),
            windowSeconds: 18000,
            used: 900,
            limit: 4500,
            unit: "requests"
          }),
          jsonWindow({
            key: "weekly",
            label: "Weekly",
            usedPercent: 36,
            remainingPercent: 64,
            resetsAt: at(now, DAY + 2 * HOUR),
            windowSeconds: 604800
          }),
          jsonWindow({
            key: "model:speech-hd:daily",
            label: "speech-hd · Daily",
            usedPercent: 25,
            remainingPercent: 75,
            resetsAt: at(now, 14 * HOUR),
            windowSeconds: 86400,
            used: 2250,
            limit: 9000
          })
        ]
      }
    }
  ]
} satisfies ProviderFixture
