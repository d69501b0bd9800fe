import { describe, expect, it } from "@effect/vitest"
import { Schema } from "effect"
import {
  ApiError,
  AuthFileUnreadable,
  HttpError,
  type QuotaError,
  Timeout,
  TokenExpired
} from "../../src/schema/errors.js"
import { JsonReport } from "../../src/schema/json.js"
import type { Outcome, RunResult, Window } from "../../src/schema/report.js"
import { detectLang } from "../../src/services/Messages.js"
import { describeError, renderText, toJson } from "../../src/services/Render.js"

const NOW = Date.parse("2026-11-22T10:00:00Z")
const MIN = 60_000

const window = (overrides: Partial<Window>): Window => ({
  scope: null,
  windowSeconds: 18000,
  usedPercent: 25,
  resetsAt: new Date(NOW + 150 * MIN),
  used: null,
  limit: null,
  unit: null,
  ...overrides
})

const reported = (windows: ReadonlyArray<Window>, extra: Partial<Extract<Outcome, { _tag: "Reported" }>["report"]> = {}): Outcome => ({
  _tag: "Reported",
  id: "zhipu",
  name: "Zhipu AI",
  report: { account: "9c89****AQVM", plan: "Pro", windows, notes: [], ...extra }
})

const failed = (error: QuotaError, id = "zai", name = "Z.ai"): Outcome => ({ _tag: "Failed", id, name, account: null, error })

const result = (outcomes: ReadonlyArray<Outcome>): RunResult => ({ generatedAt: new Date(NOW), outcomes, sources: [] })

const text = (outcomes: ReadonlyArray<Outcome>, lang: "en" | "zh" = "en") =>
  renderText(result(outcomes), { lang, color: false })

describe("text report", () => {
  it("draws a bar of what remains, the percentage left and the countdown", () => {
    const out = text([reported([window({ usedPercent: 25 })])])
    expect(out).toContain("Zhipu AI · 9c89****AQVM · Pro")
    expect(out).toMatch(/5-hour {2}█{15}░{5} {2}75% left {2}Resets in 2h 30m/)
  })

  it("labels by window length and scope, and shows counts only when present", () => {
    const out = text([
      reported([
        window({ windowSeconds: 604800, resetsAt: new Date(NOW + (3 * 24 * 60 + 4 * 60) * MIN) }),
        window({ scope: { _tag: "Known", key: "mcp" }, windowSeconds: 2_628_000, used: 224, limit: 1000, unit: "calls" }),
        window({ scope: { _tag: "Named", name: "GPT-5.3-Codex-Spark" }, windowSeconds: 36 * 3600, resetsAt: null })
      ])
    ])
    expect(out).toMatch(/Weekly .*Resets in 3d 4h/)
    expect(out).toMatch(/MCP · Monthly .*224 \/ 1,000 calls/)
    expect(out).toMatch(/GPT-5.3-Codex-Spark · 36-hour .*75% left\n/)
  })

  it("warns from 80 % used, not below", () => {
    const out = text([reported([window({ usedPercent: 79 }), window({ windowSeconds: 604800, usedPercent: 80 })])])
    expect(out).toContain("⚠ Weekly: 80% used")
    expect(out).not.toContain("5-hour: 79% used")
  })

  it("lists failures after the reports, each with its message and fix", () => {
    const out = text([
      reported([window({})]),
      failed(new ApiError({ provider: "zai", service: "Z.ai", endpoint: "x", code: "401", detail: "Invalid API key" })),
      failed(new Timeout({ provider: "openai", seconds: 10 }), "openai", "OpenAI")
    ])
    const failures = out.slice(out.indexOf("Failed to query"))
    expect(out.indexOf("Failed to query")).toBeGreaterThan(out.indexOf("Zhipu AI"))
    expect(failures).toContain("✗ Z.ai: Z.ai API request failed (401): Invalid API key")
    expect(failures).toContain("✗ OpenAI: Request timeout (10s)")
    expect(failures).toContain("Fix: OpenAI did not answer in time")
  })

  it("colours only when asked", () => {
    const outcomes = [reported([window({})])]
    expect(renderText(result(outcomes), { lang: "en", color: false })).not.toContain("\u001b[")
    expect(renderText(result(outcomes), { lang: "en", color: true })).toContain("\u001b[32m")
  })

  it("speaks Chinese", () => {
    const out = text([reported([window({ usedPercent: 90 })]), failed(new Timeout({ provider: "zai", seconds: 10 }))], "zh")
    expect(out).toContain("剩余 10%")
    expect(out).toContain("2小时30分钟后重置")
    expect(out).toContain("⚠ 5小时：已使用 90%")
    expect(out).toContain("查询失败")
    expect(out).toContain("请求超时（10秒）")
  })

  it("nothing configured lists the account types and the paths looked at", () => {
    const out = renderText(
      {
        generatedAt: new Date(NOW),
        outcomes: [],
        sources: [
          { name: "OpenAI", path: "/h/.local/share/opencode/auth.json", entry: "openai", exists: false },
          { name: "Z.ai", path: "/h/.local/share/opencode/auth.json", entry: "zai-coding-plan", exists: false },
          { name: "GitHub Copilot", path: "/h/.local/share/opencode/auth.json", entry: "github-copilot", exists: false },
          { name: "GitHub Copilot", path: "/h/.config/opencode/copilot-quota-token.json", entry: null, exists: true }
        ]
      },
      { lang: "en", color: false }
    )
    expect(out).toContain("No configured accounts found.")
    expect(out).toContain(`OpenAI: the "openai" entry in /h/.local/share/opencode/auth.json`)
    expect(out).toContain(`Z.ai: the "zai-coding-plan" entry`)
    expect(out).toContain(
      "GitHub Copilot: the \"github-copilot\" entry in /h/.local/share/opencode/auth.json (log in with `opencode auth login`), or /h/.config/opencode/copilot-quota-token.json"
    )
    expect(out).toContain(
      "Looked at:\n  /h/.local/share/opencode/auth.json (not found)\n  /h/.config/opencode/copilot-quota-token.json (found)\n"
    )
  })
})

describe("error messages", () => {
  const en = (error: QuotaError, name = "OpenAI") => describeError("en", error, name, NOW)
  const http = (status: number, retryAfterSeconds?: number) =>
    new HttpError({ provider: "openai", endpoint: "e", status, body: "", ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds }) })

  it("the seed FAQ's texts", () => {
    expect(en(new Timeout({ provider: "openai", seconds: 10 })).message).toBe("Request timeout (10s)")
    expect(en(new ApiError({ provider: "zhipu", service: "Zhipu", endpoint: "e", code: "401", detail: "Invalid API key" })).message)
      .toBe("Zhipu API request failed (401): Invalid API key")
    expect(en(new AuthFileUnreadable({ provider: "opencode", path: "/h/auth.json", cause: "not valid JSON" })).message)
      .toBe("Unable to read authentication file /h/auth.json: not valid JSON")
  })

  it("an expired token says how long ago and how to refresh it", () => {
    const { fix, message } = en(new TokenExpired({ provider: "openai", expiredAt: NOW - 3 * 60 * MIN }))
    expect(message).toBe("OpenAI access token expired 3h 0m ago")
    expect(fix).toBe("Use an OpenAI model once in OpenCode to refresh it, then run mystatus again.")
  })

  it("HTTP status gets guidance: re-authorize, wait (Retry-After), temporary", () => {
    expect(en(http(401)).fix).toContain("re-authorize")
    expect(en(http(403)).fix).toContain("re-authorize")
    expect(en(http(429, 90)).fix).toBe("Rate limited: wait 2m and try again.")
    expect(en(http(429)).fix).toBe("Rate limited: wait a few minutes and try again.")
    expect(en(http(503)).fix).toContain("temporary")
  })
})

describe("JSON contract", () => {
  it("decodes with the exported schema and carries labels, percentages, ISO resets and errors", () => {
    const json = toJson(
      result([
        reported([window({ usedPercent: 25 }), window({ scope: { _tag: "Known", key: "mcp" }, windowSeconds: 2_628_000, used: 224, limit: 1000, unit: "calls", resetsAt: null, usedPercent: 22 })]),
        failed(new HttpError({ provider: "zai", endpoint: "e", status: 403, body: "" }))
      ]),
      "en"
    )
    const decoded = Schema.decodeUnknownSync(JsonReport)(JSON.parse(JSON.stringify(json)))
    expect(decoded.version).toBe(1)
    expect(decoded.generatedAt).toBe("2026-11-22T10:00:00.000Z")
    expect(decoded.providers[0]).toMatchObject({ id: "zhipu", status: "ok", account: "9c89****AQVM", plan: "Pro", error: null })
    expect(decoded.providers[0]!.windows).toEqual([
      { label: "5-hour", usedPercent: 25, remainingPercent: 75, resetsAt: "2026-11-22T12:30:00.000Z", windowSeconds: 18000, used: null, limit: null, unit: null },
      { label: "MCP · Monthly", usedPercent: 22, remainingPercent: 78, resetsAt: null, windowSeconds: 2_628_000, used: 224, limit: 1000, unit: "calls" }
    ])
    expect(decoded.providers[1]).toMatchObject({ id: "zai", status: "error", windows: [], error: { tag: "HttpError", httpStatus: 403 } })
  })
})

describe("numbers", () => {
  it("are grouped by thousands", () => {
    const out = text([reported([window({ used: 1234567, limit: 2500000, unit: "tokens" }), window({ used: 12, limit: 999, unit: "calls" })])])
    expect(out).toContain("1,234,567 / 2,500,000 tokens")
    expect(out).toContain("12 / 999 calls")
  })
})

describe("language detection", () => {
  it("LC_ALL, then LC_MESSAGES, then LANG, then the runtime's locale", () => {
    const never = () => {
      throw new Error("the runtime locale is asked only when the environment says nothing")
    }
    expect(detectLang({ LC_ALL: "zh_CN.UTF-8", LANG: "en_US.UTF-8" }, never)).toBe("zh")
    expect(detectLang({ LC_MESSAGES: "en_GB.UTF-8", LANG: "zh_TW.UTF-8" }, never)).toBe("en")
    expect(detectLang({ LANG: "zh_CN.UTF-8" }, never)).toBe("zh")
    expect(detectLang({ LANG: "C.UTF-8" }, () => "zh-CN")).toBe("zh")
    expect(detectLang({}, () => "de-DE")).toBe("en")
  })
})
