/**
 * Zhipu AI's and Z.ai's responses and credentials (one API sold twice), written from
 * `shared/docs/provider-api-facts.md` (section named on each). Times are relative to `now` so countdowns are
 * predictable. Every secret contains "SECRET" so tests can search all output for it.
 */
import { DAY, HOUR, jsonWindow, type ProviderFixture } from "../../support/ProviderFixture.js"

export const SECRETS = {
  zhipuKey: "9c89FIXTUREzhipuSECRETkey.AQVM",
  zaiKey: "5b1eFIXTUREzaiSECRETkey00.Z7QX"
} as const

/** OpenCode `auth.json` entries (§3): api {key}. */
export const ZHIPU_ENTRY = { type: "api", key: SECRETS.zhipuKey } as const
export const ZAI_ENTRY = { type: "api", key: SECRETS.zaiKey } as const

/** Both platforms answer on the same path: the fake server tells them apart by a prefix of each base URL. */
export const PATHS = {
  zhipu: "/zhipu/api/monitor/usage/quota/limit",
  zai: "/zai/api/monitor/usage/quota/limit"
} as const

// ---- quota/limit (§2.4)

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

const READS = { data: "container", limits: "container" } as const

const at = (now: number, seconds: number) => new Date(now + seconds * 1000).toISOString()

export const fixture = {
  ids: ["zhipu", "zai"],
  secrets: Object.values(SECRETS),
  authEntries: () => ({ "zhipuai-coding-plan": ZHIPU_ENTRY, "zai-coding-plan": ZAI_ENTRY }),
  files: () => ({}),
  baseUrlEnv: (url) => ({ MYSTATUS_ZHIPU_BASE_URL: `${url}/zhipu`, MYSTATUS_ZAI_BASE_URL: `${url}/zai` }),
  routes: (now) => ({
    [`GET ${PATHS.zhipu}`]: { body: glmLimits(now) },
    [`GET ${PATHS.zai}`]: { body: zaiRootLimits(now) }
  }),
  endpoints: [
    { provider: "zhipu", route: `GET ${PATHS.zhipu}`, reads: READS, process: { fault: "a hang", json: false } },
    { provider: "zai", route: `GET ${PATHS.zai}`, reads: READS }
  ],
  fullRun: (now) => [
    {
      id: "zhipu",
      account: "9c89****AQVM",
      text: ["Zhipu AI · 9c89****AQVM · Pro", /MCP · Monthly .*78% left +224 \/ 1,000 calls/],
      json: {
        plan: "Pro",
        notes: [],
        windows: [
          jsonWindow({ key: "5h", label: "5-hour", usedPercent: 25, remainingPercent: 75, resetsAt: at(now, 2.5 * HOUR), windowSeconds: 18000 }),
          jsonWindow({ key: "weekly", label: "Weekly", usedPercent: 9, remainingPercent: 91, resetsAt: at(now, 98 * HOUR), windowSeconds: 604800 }),
          jsonWindow({
            key: "mcp:monthly",
            label: "MCP · Monthly",
            usedPercent: 22,
            remainingPercent: 78,
            resetsAt: at(now, 20 * DAY),
            windowSeconds: 2_628_000,
            used: 224,
            limit: 1000,
            unit: "calls"
          })
        ]
      }
    },
    {
      id: "zai",
      account: "5b1e****Z7QX",
      text: ["Z.ai · 5b1e****Z7QX"],
      json: {
        plan: null,
        notes: [],
        windows: [
          jsonWindow({ key: "5h", label: "5-hour", usedPercent: 85, remainingPercent: 15, resetsAt: at(now, HOUR), windowSeconds: 18000 }),
          jsonWindow({
            key: "mcp:monthly",
            label: "MCP · Monthly",
            usedPercent: 40,
            remainingPercent: 60,
            resetsAt: null,
            windowSeconds: 2_628_000,
            used: 40,
            limit: 100,
            unit: "calls"
          })
        ],
        warnings: ["5-hour: 85% used"]
      }
    }
  ]
} satisfies ProviderFixture
