import { describe, expect, it } from "@effect/vitest"
import { Schema } from "effect"
import {
  ApiError,
  AuthFileUnreadable,
  DecodeError,
  FileProblem,
  HttpError,
  NetworkError,
  type QuotaError,
  type ResponseProblem,
  Timeout,
  TokenExpired
} from "../../src/schema/errors.js"
import { JsonReport } from "../../src/schema/json.js"
import type { NotConfigured, Outcome, RunResult, Window } from "../../src/schema/report.js"
import { detectLang, type Lang, parseLang } from "../../src/i18n/index.js"
import { describeError } from "../../src/render/describe.js"
import { toJson } from "../../src/render/json.js"
import { renderText, stringWidth, wrap } from "../../src/render/text.js"

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
  accountKey: "9c89****AQVM",
  report: { account: "9c89****AQVM", plan: "Pro", windows, notes: [], ...extra }
})

const failed = (error: QuotaError, id = "zai", name = "Z.ai"): Outcome => ({
  _tag: "Failed",
  id,
  name,
  account: null,
  accountKey: null,
  error
})

const result = (outcomes: ReadonlyArray<Outcome>, notConfigured: ReadonlyArray<NotConfigured> = []): RunResult => ({
  generatedAt: new Date(NOW),
  outcomes,
  sources: [],
  notConfigured
})

const text = (outcomes: ReadonlyArray<Outcome>, lang: Lang = "en", width?: number) =>
  renderText(result(outcomes), { lang, color: false, width })

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
    const out = text([reported([window({ usedPercent: 90 })]), failed(new Timeout({ provider: "zai", seconds: 10 }))], "zh-CN")
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
        notConfigured: [],
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
  const zh = (error: QuotaError, name = "OpenAI") => describeError("zh-CN", error, name, NOW)
  const http = (status: number, extra: Partial<ConstructorParameters<typeof HttpError>[0]> = {}) =>
    new HttpError({ provider: "openai", endpoint: "https://chatgpt.com/backend-api/wham/usage", status, ...extra })

  it("the seed FAQ's texts", () => {
    expect(en(new Timeout({ provider: "openai", seconds: 10 })).message).toBe("Request timeout (10s)")
    expect(en(new ApiError({ provider: "zhipu", service: "Zhipu", endpoint: "e", code: "401", detail: "Invalid API key" })).message)
      .toBe("Zhipu API request failed (401): Invalid API key")
  })

  it("an expired token says how long ago and how to refresh it", () => {
    const { fix, message } = en(new TokenExpired({ provider: "openai", expiredAt: NOW - 3 * 60 * MIN }))
    expect(message).toBe("OpenAI access token expired 3h 0m ago")
    expect(fix).toBe("Use an OpenAI model once in OpenCode to refresh it, then run mystatus again.")
  })

  describe("a credential file that cannot be used", () => {
    const unreadable = (
      provider: string,
      problem: FileProblem,
      path: string,
      extra: { line?: number; column?: number; detail?: string } = {}
    ) => new AuthFileUnreadable({ provider, path, problem, ...extra })
    const AUTH = "/h/.local/share/opencode/auth.json"
    const PAT = "/h/.config/opencode/copilot-quota-token.json"
    const ACCOUNTS = "/h/.config/opencode/antigravity-accounts.json"

    it("names the path once and the problem in words, in both languages", () => {
      const cases: ReadonlyArray<readonly [FileProblem, { line?: number; column?: number; detail?: string }, string, string]> = [
        ["isDirectory", {}, "it is a directory, not a file", "它是一个目录，而不是文件"],
        ["notRegularFile", {}, "it is not a regular file (a FIFO, socket or device)", "它不是普通文件（而是 FIFO、套接字或设备）"],
        ["permissionDenied", {}, "permission denied", "权限不足"],
        ["tooLarge", { detail: "1048576" }, "it is larger than 1,048,576 bytes", "文件大于 1,048,576 字节"],
        ["tooDeep", {}, "its JSON is nested too deeply", "其中的 JSON 嵌套过深"],
        ["notJson", { line: 3, column: 14 }, "not valid JSON (line 3, column 14)", "不是有效的 JSON（第 3 行，第 14 列）"],
        ["notObject", {}, "the top level is not a JSON object", "顶层不是 JSON 对象"],
        ["ioError", { detail: "EIO" }, "read error (EIO)", "读取出错（EIO）"]
      ]
      for (const [problem, extra, english, chinese] of cases) {
        const error = unreadable("opencode", problem, AUTH, extra)
        expect(en(error).message, problem).toBe(`Unable to read authentication file ${AUTH}: ${english}`)
        expect(zh(error).message, problem).toBe(`无法读取认证文件 ${AUTH}：${chinese}`)
        expect(en(error).message.split(AUTH).length - 1, `${problem}: the path once`).toBe(1)
      }
    })

    it("the fix fits the file: auth.json, the Copilot PAT file, the Antigravity accounts", () => {
      const auth = en(unreadable("opencode", "notJson", AUTH, { line: 1, column: 2 })).fix!
      expect(auth).toBe(
        "Log in again with `opencode auth login` to recreate it. Other credential sources were still checked."
      )
      const pat = en(unreadable("copilot", "notObject", PAT)).fix!
      expect(pat).toContain(`{"token": "github_pat_...", "username": "<your GitHub login>", "tier": "pro"}`)
      expect(pat).toContain("\"Plan: Read-only\"")
      expect(pat).not.toContain("opencode auth login")
      expect(pat).not.toContain("Other credential sources")
      const accounts = en(unreadable("google", "tooDeep", ACCOUNTS)).fix!
      expect(accounts).toBe("Sign in again with `opencode auth login` (Google, OAuth with Antigravity) to recreate it.")
      expect(zh(unreadable("google", "tooDeep", ACCOUNTS)).fix).toBe(
        "用 `opencode auth login`（Google，OAuth with Antigravity）重新登录即可重建该文件。"
      )
      expect(zh(unreadable("opencode", "notObject", AUTH)).fix).toBe(
        "用 `opencode auth login` 重新登录即可重建该文件。其他凭据来源已照常检查。"
      )
      expect(zh(unreadable("copilot", "notObject", PAT)).fix).toContain("\"tier\": \"pro\"")
    })

    it("every problem of every file gets a fix for that file, in both languages", () => {
      // Every problem the schema knows: one added there is checked here too.
      expect(FileProblem.literals).toHaveLength(8)
      for (const problem of FileProblem.literals) {
        const auth = unreadable("opencode", problem, AUTH)
        const pat = unreadable("copilot", problem, PAT)
        const accounts = unreadable("google", problem, ACCOUNTS)
        expect(en(auth).fix, problem).toMatch(/ Other credential sources were still checked\.$/)
        expect(zh(auth).fix, problem).toMatch(/其他凭据来源已照常检查。$/)
        if (problem === "permissionDenied") continue
        expect(en(auth).fix, problem).toMatch(/[Ll]og in again with `opencode auth login` to recreate it/)
        expect(en(pat).fix, problem).toContain("github_pat_...")
        expect(zh(pat).fix, problem).toContain("github_pat_...")
        expect(en(accounts).fix, problem).toContain("(Google, OAuth with Antigravity)")
        expect(zh(accounts).fix, problem).toContain("（Google，OAuth with Antigravity）")
        for (const error of [pat, accounts]) expect(en(error).fix, problem).not.toContain("Other credential sources")
      }
    })

    it("a directory or a FIFO is to be replaced; a permission to be granted, with a command that pastes", () => {
      expect(en(unreadable("copilot", "isDirectory", PAT)).fix).toMatch(/^Remove it and put the JSON file in its place: recreate it as the JSON \{"token"/)
      expect(en(unreadable("opencode", "notRegularFile", AUTH)).fix).toBe(
        "Remove it and put the JSON file in its place: log in again with `opencode auth login` to recreate it. Other credential sources were still checked."
      )
      expect(zh(unreadable("google", "isDirectory", ACCOUNTS)).fix).toMatch(/^请删除它，并在原处重新放置 JSON 文件。/)
      expect(en(unreadable("google", "permissionDenied", ACCOUNTS)).fix).toContain(`\`chmod u+r ${ACCOUNTS}\``)
      expect(zh(unreadable("google", "permissionDenied", ACCOUNTS)).fix).toContain(`\`chmod u+r ${ACCOUNTS}\``)
      // A path with a space or a quote is still one shell word.
      expect(en(unreadable("opencode", "permissionDenied", "/h/My Files/it's/auth.json")).fix)
        .toContain(`\`chmod u+r '/h/My Files/it'\\''s/auth.json'\``)
    })
  })

  describe("an HTTP error", () => {
    it("says the status with its reason phrase, and the provider's own words when there are some", () => {
      expect(en(http(401)).message).toBe("OpenAI API request failed (HTTP 401 Unauthorized)")
      expect(en(http(400, { detail: "Invalid request" })).message).toBe("OpenAI API request failed (HTTP 400 Bad Request): Invalid request")
      expect(en(http(400, { code: "invalid_grant" })).message).toBe("OpenAI API request failed (HTTP 400 Bad Request): invalid_grant")
      expect(en(http(418)).message).toBe("OpenAI API request failed (HTTP 418)")
      expect(zh(http(502)).message).toBe("OpenAI API 请求失败（HTTP 502 Bad Gateway）")
      expect(zh(http(403, { detail: "Forbidden by policy" })).message).toBe("OpenAI API 请求失败（HTTP 403 Forbidden）：Forbidden by policy")
    })

    it("every status gets a fix: re-authorize, wait (Retry-After), temporary, check the URL, or try again", () => {
      expect(en(http(401)).fix).toContain("re-authorize")
      expect(en(http(403)).fix).toContain("re-authorize")
      expect(en(http(429, { retryAfterSeconds: 90 })).fix).toBe("Rate limited: wait 2m and try again.")
      expect(en(http(429)).fix).toBe("Rate limited: wait a few minutes and try again.")
      expect(en(http(502)).fix).toBe("OpenAI has a temporary problem; try again later.")
      expect(en(http(503)).fix).toContain("temporary")
      expect(en(http(404)).fix).toBe(
        "The endpoint https://chatgpt.com/backend-api/wham/usage was not found: check any MYSTATUS_*_URL variable you set. If you set none, the API may have moved: please report this message."
      )
      expect(en(http(418)).fix).toBe("Try again; if it persists, report it with this message.")
      expect(zh(http(418)).fix).toBe("请重试；若问题持续，请附上此信息反馈。")
      expect(zh(http(404)).fix).toContain("MYSTATUS_*_URL")
      expect(zh(http(502)).fix).toBe("OpenAI 暂时出现问题，请稍后重试。")
      for (const status of [400, 404, 405, 408, 409, 410, 418, 422, 451, 500, 599]) {
        expect(en(http(status)).fix, String(status)).not.toBeNull()
        expect(zh(http(status)).fix, String(status)).not.toBeNull()
      }
    })

    it("a provider's hint still overrides the generic fix", () => {
      expect(en(http(403, { provider: "google", hint: "signInAgain" })).fix).toContain("sign in to it again")
      // A hint key of another platform (or none that platform has) leaves the generic advice.
      expect(en(http(403, { provider: "openai", hint: "signInAgain" })).fix).toContain("re-authorize")
    })
  })

  describe("an answer that cannot be used", () => {
    const decode = (reason: ResponseProblem, problem = "") =>
      new DecodeError({
        provider: "zai",
        endpoint: "https://api.z.ai/api/monitor/usage/quota/limit",
        reason,
        ...(reason === "shape"
          ? { issues: { list: [{ path: problem, expected: { _tag: "Type", types: ["list"] } }], more: 0 } }
          : reason === "noQuota"
          ? { fields: [problem] }
          : {})
      })

    it("says how, by reason, in both languages", () => {
      const lead = "Unexpected response from Z.ai (https://api.z.ai/api/monitor/usage/quota/limit): "
      const cases: ReadonlyArray<readonly [ResponseProblem, string, string, string]> = [
        ["shape", "data.limits", "data.limits: expected a list", "data.limits：必须是数组"],
        ["noQuota", "data.limits", "none of the fields that carry the quota (data.limits) is in the answer", "响应中没有任何承载配额的字段（data.limits）"],
        ["notJson", "", "the answer is not JSON", "响应不是 JSON"],
        ["empty", "", "the answer is empty", "响应为空"],
        ["tooLarge", "", "the answer is larger than 2 MiB", "响应大于 2 MiB"],
        ["tooDeep", "", "the answer's JSON is nested too deeply", "响应的 JSON 嵌套过深"]
      ]
      for (const [reason, problem, english, chinese] of cases) {
        expect(en(decode(reason, problem), "Z.ai").message, reason).toBe(lead + english)
        expect(zh(decode(reason, problem), "Z.ai").message, reason).toBe(
          `Z.ai 返回了无法识别的响应（https://api.z.ai/api/monitor/usage/quota/limit）：${chinese}`
        )
      }
    })

    it("the fix names the likely causes and that the others are unaffected", () => {
      expect(en(decode("notJson"), "Z.ai").fix).toBe(
        "The API may have changed, a captive portal or proxy answered instead, or a MYSTATUS_*_URL variable points elsewhere; the other providers are unaffected. If it persists, report this message."
      )
      expect(zh(decode("empty"), "Z.ai").fix).toContain("其他平台不受影响")
    })
  })

  describe("a network error", () => {
    const network = (cause: string, proxy?: string) =>
      new NetworkError({ provider: "google", endpoint: "https://oauth2.googleapis.com/token", cause, ...(proxy === undefined ? {} : { proxy }) })

    it("with a proxy in effect, the fix names its variable", () => {
      const { fix, message } = en(network("connect ECONNREFUSED 127.0.0.1:7890", "HTTPS_PROXY"), "Google Antigravity")
      expect(message).toBe("Could not reach Google Antigravity at https://oauth2.googleapis.com/token: connect ECONNREFUSED 127.0.0.1:7890")
      expect(fix).toBe("Check the proxy in HTTPS_PROXY (its address, and that it is running), or unset HTTPS_PROXY to connect directly.")
      expect(zh(network("getaddrinfo ENOTFOUND proxy.corp", "http_proxy")).fix).toBe(
        "请检查 http_proxy 中设置的代理（地址是否正确、是否在运行），或取消 http_proxy 以直接连接。"
      )
    })

    it("without one, HTTPS_PROXY is suggested only where a proxy could help", () => {
      for (const cause of ["getaddrinfo ENOTFOUND oauth2.googleapis.com", "connect ETIMEDOUT 142.250.1.1:443", "read ECONNRESET"]) {
        expect(en(network(cause), "Google Antigravity").fix, cause).toBe(
          "Check your network connection. Behind a firewall, or in a region where Google Antigravity is blocked, set HTTPS_PROXY to your proxy (e.g. HTTPS_PROXY=http://host:port)."
        )
        expect(zh(network(cause), "Google Antigravity").fix, cause).toContain("HTTPS_PROXY")
      }
      const refused = en(network("connect ECONNREFUSED 127.0.0.1:9")).fix!
      expect(refused).toContain("MYSTATUS_*_URL")
      expect(refused).not.toContain("HTTPS_PROXY")
      expect(zh(network("connect ECONNREFUSED 127.0.0.1:9")).fix).not.toContain("HTTPS_PROXY")
      expect(en(network("something else entirely")).fix).toBe("Check your network connection, then try again.")
      expect(en(network("unable to verify the first certificate")).fix).toContain("NODE_EXTRA_CA_CERTS")
    })
  })
})

describe("JSON contract", () => {
  it("decodes with the exported schema and carries labels, percentages, ISO resets and errors", () => {
    const json = toJson(
      result([
        reported([window({ usedPercent: 25 }), window({ scope: { _tag: "Known", key: "mcp" }, windowSeconds: 2_628_000, used: 224, limit: 1000, unit: "calls", resetsAt: null, usedPercent: 22 })]),
        failed(new HttpError({ provider: "zai", endpoint: "e", status: 403 }))
      ]),
      "en"
    )
    const decoded = Schema.decodeUnknownSync(JsonReport)(JSON.parse(JSON.stringify(json)))
    expect(decoded.version).toBe(1)
    expect(decoded.generatedAt).toBe("2026-11-22T10:00:00.000Z")
    expect(decoded.providers[0]).toMatchObject({ id: "zhipu", status: "ok", account: "9c89****AQVM", plan: "Pro", error: null })
    expect(decoded.providers[0]!.windows).toEqual([
      { key: "5h", label: "5-hour", usedPercent: 25, remainingPercent: 75, resetsAt: "2026-11-22T12:30:00.000Z", windowSeconds: 18000, used: null, limit: null, unit: null },
      { key: "mcp:monthly", label: "MCP · Monthly", usedPercent: 22, remainingPercent: 78, resetsAt: null, windowSeconds: 2_628_000, used: 224, limit: 1000, unit: "calls" }
    ])
    expect(decoded.providers[1]).toMatchObject({ id: "zai", status: "error", windows: [], error: { tag: "HttpError", httpStatus: 403 } })
  })
})

describe("numbers", () => {
  it("are grouped by thousands", () => {
    const out = text([reported([window({ used: 1234567, limit: 2500000, unit: "tokens" }), window({ used: 12, limit: 999, unit: "calls" })])])
    expect(out).toContain("1,234,567 / 2,500,000 tokens used")
    expect(out).toContain("12 / 999 calls used")
  })

  it("counts say they are used, not left, in both languages", () => {
    const copilot = [reported([window({ scope: { _tag: "Known", key: "premiumRequests" }, windowSeconds: null, usedPercent: 76.3, used: 229, limit: 300, unit: "requests" })])]
    expect(text(copilot)).toMatch(/24% left {2}229 \/ 300 requests used {2}Resets in/)
    expect(text(copilot, "zh-CN")).toMatch(/剩余 24% {2}已用 229 \/ 300 次请求 {2}2小时30分钟后重置/)
    expect(text([reported([window({ used: 5, limit: 10 })])])).toMatch(/5 \/ 10 used {2}Resets/)
  })
})

describe("fitting a terminal", () => {
  const columns = (out: string) => out.trimEnd().split("\n").map(stringWidth)
  const google = (lang: Lang, width?: number) =>
    text([
      {
        _tag: "Reported",
        id: "google",
        name: "Google Antigravity",
        accountKey: "a@example.com",
        report: {
          account: "a-very-long-address@example.com",
          plan: null,
          notes: [],
          windows: [
            window({ scope: { _tag: "Named", name: "Gemini Pro" }, windowSeconds: null, usedPercent: 40 }),
            window({ scope: { _tag: "Known", key: "otherModels" }, windowSeconds: null, usedPercent: 10 })
          ]
        }
      },
      reported([window({ scope: { _tag: "Known", key: "mcp" }, windowSeconds: 2_628_000, used: 224, limit: 1000, unit: "calls" })]),
      failed(new HttpError({ provider: "zai", endpoint: "https://api.z.ai/api/monitor/usage/quota/limit", status: 404 }))
    ], lang, width)

  it("without a width (not a terminal) lines are whole", () => {
    const out = google("en")
    expect(out).toContain("Google Antigravity · a-very-long-address@example.com\n")
    expect(out).toContain(
      "Fix: The endpoint https://api.z.ai/api/monitor/usage/quota/limit was not found: check any MYSTATUS_*_URL variable you set. If you set none, the API may have moved: please report this message.\n"
    )
  })

  it("every line fits the width, in terminal columns, with CJK text two columns a character", () => {
    for (const lang of ["en", "zh-CN"] as const) {
      for (const width of [80, 60, 40, 30]) {
        const out = google(lang, width)
        const over = out.trimEnd().split("\n").filter((line) => stringWidth(line) > width && !/https?:\/\/\S{20,}/.test(line))
        expect(over, `${lang} at ${width}`).toEqual([])
      }
    }
    // Only an unbreakable word (the URL) may overflow: cut, it could no longer be copied. The terminal wraps that one.
    const overflowing = google("zh-CN", 40).split("\n").filter((line) => stringWidth(line) > 40)
    expect(overflowing).toHaveLength(1)
    expect(overflowing[0]).toMatch(/^ +https:\/\/\S+$/)
  })

  it("shrinks the bar, then drops the counts, before cutting a label or a header with …", () => {
    const at80 = google("en", 80)
    expect(at80).toContain("224 / 1,000 calls used")
    expect(at80).toContain("Google Antigravity · a-very-long-address@example.com")
    const at50 = google("en", 50)
    expect(at50).not.toContain("calls used")
    expect(at50).toMatch(/MCP · Monthly {2}█+░* {2}75% left {2}Resets in 2h 30m\n/)
    expect(at50).toContain("Google Antigravity · a-very-long-address@example.…\n")
    const at30 = google("en", 30)
    expect(at30).toContain("\n  Gemini…   ███░░  60% left…\n")
    expect(at30).toContain("\n  Other m…  █████  90% left…\n")
    expect(at30.split("\n")[0]).toBe("Google Antigravity · a-very-l…")
    // CJK is cut at a whole character: 6 columns and "…" in a column of 8 (a 46-column terminal), never half of a two-column character.
    const cjk = text([reported([window({ scope: { _tag: "Named", name: "超长的模型名称" }, windowSeconds: null }), window({})])], "zh-CN", 46)
    expect(cjk).toContain("\n  超长的…   ████░  剩余 75%  2小时30分钟后重置\n")
    expect(cjk).toContain("\n  5小时     ████░  剩余 75%  2小时30分钟后重置\n")
    expect(columns(cjk).every((w) => w <= 46)).toBe(true)
  })

  it("wraps failures and fixes at word boundaries, under their indentation", () => {
    const lines = google("en", 60).split("\n")
    const failure = lines.slice(lines.indexOf("Failed to query") + 1)
    expect(failure[0]).toBe("  ✗ Z.ai: Z.ai API request failed (HTTP 404 Not Found)")
    expect(failure[1]).toBe("    Fix: The endpoint")
    expect(failure[2]).toBe("      https://api.z.ai/api/monitor/usage/quota/limit was not")
    expect(failure[3]).toBe("      found: check any MYSTATUS_*_URL variable you set. If")
    for (const line of failure.slice(2).filter((l) => l !== "")) expect(line).toMatch(/^ {6}\S/)
    const words = (out: string) => out.replace(/\s+/g, " ").trim()
    expect(words(failure.slice(1).join(" "))).toBe(words(
      "Fix: The endpoint https://api.z.ai/api/monitor/usage/quota/limit was not found: check any MYSTATUS_*_URL variable you set. If you set none, the API may have moved: please report this message."
    ))
  })

  it("wraps Chinese between characters but never before closing punctuation", () => {
    expect(wrap("请检查网络连接。若处于防火墙之后，请设置代理。", 10, 10)).toEqual(["请检查网络", "连接。若处", "于防火墙之", "后，请设置", "代理。"])
    expect(wrap("one two three", 7, 5)).toEqual(["one two", "three"])
    expect(wrap("a https://example.com/a/very/long/url b", 10, 10)).toEqual(["a", "https://example.com/a/very/long/url", "b"])
    expect(wrap("（HTTP 404 Not Found）", 8, 8).every((line) => !line.startsWith("）") && !line.endsWith("（"))).toBe(true)
  })
})

describe("providers asked for but not configured", () => {
  const copilot: NotConfigured = {
    id: "copilot",
    name: "GitHub Copilot",
    sources: [
      { name: "GitHub Copilot", path: "/h/.local/share/opencode/auth.json", entry: "github-copilot", exists: true },
      { name: "GitHub Copilot", path: "/h/.config/opencode/copilot-quota-token.json", entry: null, exists: false }
    ]
  }

  it("each gets a line saying where it was looked for, with the report and before the failures", () => {
    const out = renderText(
      result([reported([window({})]), failed(new Timeout({ provider: "zai", seconds: 10 }))], [copilot]),
      { lang: "en", color: false }
    )
    const line =
      "GitHub Copilot: not configured (looked for the \"github-copilot\" entry in /h/.local/share/opencode/auth.json, /h/.config/opencode/copilot-quota-token.json (no such file))"
    expect(out).toContain(`${line}\n`)
    expect(out.indexOf(line)).toBeGreaterThan(out.indexOf("Zhipu AI · 9c89****AQVM"))
    expect(out.indexOf(line)).toBeLessThan(out.indexOf("Failed to query"))
    expect(renderText(result([reported([window({})])], [copilot]), { lang: "zh-CN", color: false })).toContain(
      "GitHub Copilot：未配置（已查找 /h/.local/share/opencode/auth.json 中的 \"github-copilot\" 条目、/h/.config/opencode/copilot-quota-token.json（文件不存在））"
    )
  })

  it("when nothing asked for is configured, that replaces the generic help", () => {
    const out = renderText(
      {
        generatedAt: new Date(NOW),
        outcomes: [],
        notConfigured: [copilot],
        sources: [{ name: "GitHub Copilot", path: "/h/.config/opencode/copilot-quota-token.json", entry: null, exists: false }]
      },
      { lang: "en", color: false }
    )
    expect(out).toMatch(/^GitHub Copilot: not configured \(looked for /)
    expect(out).not.toContain("No configured accounts found")
    expect(out).not.toContain("Supported account types")
  })

  it("JSON lists them with the files looked at", () => {
    const json = toJson(result([reported([window({})])], [copilot]), "en")
    const decoded = Schema.decodeUnknownSync(JsonReport)(JSON.parse(JSON.stringify(json)))
    expect(decoded.notConfigured).toEqual([{
      id: "copilot",
      name: "GitHub Copilot",
      lookedAt: ["/h/.local/share/opencode/auth.json", "/h/.config/opencode/copilot-quota-token.json"]
    }])
    expect(toJson(result([reported([window({})])]), "en").notConfigured).toEqual([])
  })
})

describe("language detection", () => {
  it("LC_ALL, then LC_MESSAGES, then LANG, then the runtime's locale", () => {
    const never = () => {
      throw new Error("the runtime locale is asked only when the environment says nothing")
    }
    expect(detectLang({ LC_ALL: "zh_CN.UTF-8", LANG: "en_US.UTF-8" }, never)).toBe("zh-CN")
    expect(detectLang({ LC_MESSAGES: "en_GB.UTF-8", LANG: "zh_TW.UTF-8" }, never)).toBe("en")
    expect(detectLang({ LANG: "zh_CN.UTF-8" }, never)).toBe("zh-CN")
    expect(detectLang({ LANG: "C.UTF-8" }, () => "zh-CN")).toBe("zh-CN")
    expect(detectLang({}, () => "de-DE")).toBe("en")
  })

  it("reads every language by its usual spellings; Traditional for Taiwan, Hong Kong and Hant; unknown is English", () => {
    const cases: ReadonlyArray<readonly [string, Lang | undefined]> = [
      ["en", "en"], ["en_GB.UTF-8", "en"],
      ["zh", "zh-CN"], ["zh_CN", "zh-CN"], ["zh-Hans", "zh-CN"], ["zh_CN.UTF-8", "zh-CN"], ["zh-Hans-HK", "zh-CN"], ["zh_SG", "zh-CN"],
      ["zh_TW", "zh-TW"], ["zh_TW.UTF-8", "zh-TW"], ["zh-Hant", "zh-TW"], ["zh-HK", "zh-TW"], ["zh_HK.Big5", "zh-TW"], ["zh-MO", "zh-TW"], ["zh-Hant-CN", "zh-TW"],
      ["fr", "fr"], ["fr-CA", "fr"], ["fr_FR.UTF-8", "fr"], ["fr_BE@euro", "fr"],
      ["ko", "ko"], ["ko-KR", "ko"], ["ko_KR.UTF-8", "ko"],
      ["de_DE.UTF-8", undefined], ["C", undefined], ["POSIX", undefined], ["C.UTF-8", undefined], ["", undefined]
    ]
    for (const [value, lang] of cases) expect(parseLang(value), value).toBe(lang)
    const never = () => {
      throw new Error("not asked")
    }
    // zh_TW users no longer get Simplified Chinese, from any variable.
    expect(detectLang({ LANG: "zh_TW.UTF-8" }, never)).toBe("zh-TW")
    expect(detectLang({ LC_ALL: "zh_HK.UTF-8" }, never)).toBe("zh-TW")
    expect(detectLang({ LC_MESSAGES: "fr_CA.UTF-8", LANG: "en_US.UTF-8" }, never)).toBe("fr")
    expect(detectLang({ LC_ALL: "de_DE.UTF-8", LANG: "ko_KR.UTF-8" }, never)).toBe("en")
    expect(detectLang({ LC_ALL: "", LANG: "ko_KR.UTF-8" }, never)).toBe("ko")
  })
})
