import { Config, Effect, Option } from "effect"
import type { AuthFileUnreadable, NetworkError, QuotaError } from "../schema/errors.js"
import type { Scope, SourceStatus, Unit } from "../schema/report.js"

/**
 * Every word the user reads, per language. A new language is one more object of this type; the compiler
 * lists whatever it is missing.
 */
export type Lang = "en" | "zh"
export const LANGS: ReadonlyArray<Lang> = ["en", "zh"]

type ErrorTexts = {
  readonly [K in QuotaError["_tag"]]: (
    error: Extract<QuotaError, { readonly _tag: K }>,
    context: ErrorContext
  ) => { readonly message: string; readonly fix: string | null }
}

export interface ErrorContext {
  /** The provider's display name. */
  readonly name: string
  /** Formats a span in this language ("2h 30m"). */
  readonly span: (seconds: number) => string
  readonly now: number
}

/**
 * What is wrong with the command line, as data: the CLI finds it, the messages word it. Values are the user's own
 * arguments, shown (escaped and shortened) so they can see what was understood.
 */
export type ArgProblem =
  | { readonly _tag: "UnknownOption"; readonly flag: string }
  /** A word that is not an option; `provider` is set when it names one (the user meant `--provider` it). */
  | { readonly _tag: "UnexpectedArgument"; readonly value: string; readonly provider: string | undefined }
  | { readonly _tag: "MissingValue"; readonly flag: "--provider" | "--timeout" | "--lang" }
  | { readonly _tag: "TakesNoValue"; readonly flag: string; readonly value: string }
  | { readonly _tag: "NotAProvider"; readonly value: string }
  | { readonly _tag: "NotSeconds"; readonly value: string }
  | { readonly _tag: "SecondsOutOfRange"; readonly value: string }
  | { readonly _tag: "NotALanguage"; readonly value: string }

/** What an argument error may list as accepted. */
export interface ArgContext {
  readonly providers: ReadonlyArray<string>
  readonly options: ReadonlyArray<string>
  readonly maxSeconds: number
}

export interface Messages {
  readonly duration: (parts: { readonly days: number; readonly hours: number; readonly minutes: number }) => string
  readonly lessThanAMinute: string
  readonly windowLength: (seconds: number) => string
  readonly scope: (scope: Scope) => string
  readonly unit: (unit: Unit) => string
  readonly usage: string
  readonly left: (percent: string) => string
  readonly resetsIn: (span: string) => string
  readonly resetDue: string
  readonly usedOf: (used: string, limit: string, unit: string) => string
  readonly highUsage: (label: string, percent: string) => string
  readonly limitReached: string
  readonly credits: (balance: string, unlimited: boolean) => string
  readonly unlimited: string
  readonly overQuota: string
  readonly overage: (count: string, unit: string) => string
  readonly topModels: (list: string) => string
  readonly billingPeriod: (year: number, month: number) => string
  readonly usageBasedBilling: string
  readonly noWindows: string
  readonly failedHeader: string
  readonly fixPrefix: string
  readonly nothingConfigured: string
  readonly supportedAccounts: string
  /** One platform's ways in, each from `entryIn` or `file`, joined by the caller with `or`. */
  readonly setup: (name: string, ways: ReadonlyArray<string>) => string
  readonly entryIn: (entry: string, path: string) => string
  readonly file: (path: string) => string
  readonly lookedAt: string
  readonly found: string
  readonly notFound: string
  readonly authFileName: string
  /** A provider asked for by name that has no account here, and where it was looked for. */
  readonly notConfigured: (name: string, places: ReadonlyArray<string>) => string
  readonly lookedFor: (source: Pick<SourceStatus, "path" | "entry" | "exists">) => string
  readonly cli: {
    /** One line for stderr: the problem, and where to read more. */
    readonly argument: (problem: ArgProblem, context: ArgContext) => string
    /** The backstop fired: the run did not end within `--timeout` plus a second. */
    readonly stopped: (seconds: number) => string
    /** A bug: only the error's class name is shown (its message could hold anything). */
    readonly internalError: (name: string) => string
  }
  readonly hints: { readonly copilotPatPermission: string; readonly googleSignInAgain: string }
  readonly errors: ErrorTexts
}

const months = (seconds: number) => seconds >= 28 * 86400 && seconds <= 31 * 86400

/**
 * Reason phrases of the statuses people meet (RFC 9110), the same in every language as HTTP itself has them. A
 * table, not node:http's STATUS_CODES: the plugin runs in Bun, and the table is all we need of that module.
 */
const REASON_PHRASES: Readonly<Record<number, string>> = {
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  408: "Request Timeout",
  409: "Conflict",
  429: "Too Many Requests",
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout"
}

const statusLine = (status: number) =>
  REASON_PHRASES[status] === undefined ? `HTTP ${status}` : `HTTP ${status} ${REASON_PHRASES[status]}`

/**
 * What kind of network failure, from the system's reason at the end of fetch's cause chain: the fix differs. A proxy
 * helps when the host cannot be found, reached or kept (DNS, timeouts, resets), not when the address is wrong.
 */
const networkKind = (e: NetworkError): "tls" | "refused" | "unreachable" | "other" =>
  /certificate|CERT_|self[- ]signed|\bSSL|\bTLS|EPROTO/i.test(e.cause)
    ? "tls"
    : /ECONNREFUSED/.test(e.cause)
    ? "refused"
    : /ENOTFOUND|EAI_AGAIN|EAI_NONAME|getaddrinfo|ETIMEDOUT|timed? ?out|ECONNRESET|EHOSTUNREACH|ENETUNREACH|socket hang up|other side closed/i
        .test(e.cause)
    ? "unreachable"
    : "other"

/** Each credential file has its own way back: the fix names the one for this file. */
const fileKind = (e: AuthFileUnreadable): "auth" | "copilotPat" | "antigravity" | "other" =>
  e.provider === "opencode" ? "auth" : e.provider === "copilot" ? "copilotPat" : e.provider === "google" ? "antigravity" : "other"

/** A path as one shell word, for a command the user may paste. */
const shellWord = (path: string) => (/^[\w@%+=:,./~-]+$/.test(path) ? path : `'${path.replaceAll("'", "'\\''")}'`)

/** `1048576` → `1,048,576`; anything else as it is. */
const grouped = (digits: string | undefined) => (digits ?? "").replace(/^\d+$/, (n) => n.replace(/\B(?=(\d{3})+$)/g, ","))

/**
 * An argument as it is shown back: control and bidi characters escaped (they would act on the terminal), and a long
 * one shortened to its ends, since a long word on a command line may be a pasted token.
 */
const shown = (value: string) => {
  const safe = value.replace(
    /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`
  )
  return [...safe].length > 32 ? `${[...safe].slice(0, 6).join("")}…${[...safe].slice(-4).join("")}` : safe
}

const en: Messages = {
  duration: ({ days, hours, minutes }) =>
    days > 0 ? `${days}d ${hours}h` : hours > 0 ? `${hours}h ${minutes}m` : `${minutes}m`,
  lessThanAMinute: "<1m",
  windowLength: (seconds) =>
    seconds === 86400
      ? "Daily"
      : seconds === 604800
      ? "Weekly"
      : months(seconds)
      ? "Monthly"
      : seconds % 86400 === 0
      ? `${seconds / 86400}-day`
      : seconds % 3600 === 0
      ? `${seconds / 3600}-hour`
      : `${Math.round(seconds / 60)}-minute`,
  scope: (scope) =>
    scope._tag === "Named"
      ? scope.name
      : ({
        mcp: "MCP",
        codeReview: "Code review",
        credits: "Credits",
        premiumRequests: "Premium requests",
        chat: "Chat",
        completions: "Completions",
        otherModels: "Other models"
      } as const)[scope.key],
  unit: (unit) => ({ tokens: "tokens", requests: "requests", calls: "calls", credits: "credits" })[unit],
  usage: "Usage",
  left: (percent) => `${percent} left`,
  resetsIn: (span) => `Resets in ${span}`,
  resetDue: "Reset due",
  usedOf: (used, limit, unit) => (unit === "" ? `${used} / ${limit} used` : `${used} / ${limit} ${unit} used`),
  highUsage: (label, percent) => `${label}: ${percent} used`,
  limitReached: "Limit reached: requests are being refused until the next reset",
  credits: (balance, unlimited) => (unlimited ? "Credits: unlimited" : `Credits balance: ${balance}`),
  unlimited: "Unlimited",
  overQuota: "Over quota",
  overage: (count, unit) => `Over quota: ${count} extra ${unit} this period`,
  topModels: (list) => `Top models: ${list}`,
  billingPeriod: (year, month) => `Billing period: ${year}-${String(month).padStart(2, "0")}`,
  usageBasedBilling: "Billed by usage (AI credits): GitHub reports no premium-request quota for this account",
  noWindows: "No limits reported for this account",
  failedHeader: "Failed to query",
  fixPrefix: "Fix: ",
  nothingConfigured: "No configured accounts found.",
  supportedAccounts: "mystatus reads the credentials your tools already store. Supported account types:",
  setup: (name, ways) => `${name}: ${ways.join(", or ")}`,
  entryIn: (entry, path) => `the "${entry}" entry in ${path} (log in with \`opencode auth login\`)`,
  file: (path) => path,
  lookedAt: "Looked at:",
  found: "found",
  notFound: "not found",
  authFileName: "OpenCode credentials",
  notConfigured: (name, places) => `${name}: not configured (looked for ${places.join(", ")})`,
  lookedFor: ({ entry, exists, path }) =>
    `${entry === null ? path : `the "${entry}" entry in ${path}`}${exists ? "" : " (no such file)"}`,
  cli: {
    argument: (problem, context) => {
      const what = (() => {
        switch (problem._tag) {
          case "UnknownOption":
            return `${problem.flag}: unknown option; expected one of: ${context.options.join(", ")}`
          case "UnexpectedArgument":
            return problem.provider === undefined
              ? `'${shown(problem.value)}': unexpected argument; mystatus takes options only`
              : `'${shown(problem.value)}': unexpected argument; to ask only this provider, use --provider ${problem.provider}`
          case "MissingValue":
            return problem.flag === "--provider"
              ? `--provider: needs a value, one of: ${context.providers.join(", ")}`
              : problem.flag === "--timeout"
              ? `--timeout: needs a value, a whole number of seconds from 1 to ${context.maxSeconds}`
              : `--lang: needs a value, one of: ${LANGS.join(", ")}`
          case "TakesNoValue":
            return `${problem.flag}: takes no value, but was given '${shown(problem.value)}'`
          case "NotAProvider":
            return `--provider: '${shown(problem.value)}' is not a provider; expected one of: ${context.providers.join(", ")}`
          case "NotSeconds":
            return `--timeout: '${shown(problem.value)}' is not a whole number of seconds`
          case "SecondsOutOfRange":
            return `--timeout: '${shown(problem.value)}' is out of range; expected 1 to ${context.maxSeconds} seconds`
          case "NotALanguage":
            return `--lang: '${shown(problem.value)}' is not a language; expected one of: ${LANGS.join(", ")}`
        }
      })()
      return `mystatus: ${what} (see mystatus --help)`
    },
    stopped: (seconds) => `mystatus: no report after ${seconds} seconds; stopped. Allow longer with --timeout.`,
    internalError: (name) => `mystatus: internal error (${name}); please report it with the command you ran.`
  },
  hints: {
    copilotPatPermission:
      "The token must be a fine-grained personal access token with the account permission \"Plan: Read-only\", and \"username\" must be its owner's GitHub login.",
    googleSignInAgain:
      "Google no longer accepts this account's refresh token (revoked or expired): sign in to it again with `opencode auth login` (Google, OAuth with Antigravity)."
  },
  errors: {
    AuthFileUnreadable: (e) => {
      const problem = {
        isDirectory: "it is a directory, not a file",
        notRegularFile: "it is not a regular file (a FIFO, socket or device)",
        permissionDenied: "permission denied",
        tooLarge: e.detail === undefined ? "it is too large" : `it is larger than ${grouped(e.detail)} bytes`,
        tooDeep: "its JSON is nested too deeply",
        notJson: e.line === undefined || e.column === undefined
          ? "not valid JSON"
          : `not valid JSON (line ${e.line}, column ${e.column})`,
        notObject: "the top level is not a JSON object",
        ioError: e.detail === undefined ? "read error" : `read error (${e.detail})`
      }[e.problem]
      const kind = fileKind(e)
      const recreate = {
        auth: "log in again with `opencode auth login` to recreate it",
        copilotPat:
          "recreate it as the JSON {\"token\": \"github_pat_...\", \"username\": \"<your GitHub login>\", \"tier\": \"pro\"} (tier: free, pro, pro+, business or enterprise), with a fine-grained personal access token that has the account permission \"Plan: Read-only\" (https://github.com/settings/personal-access-tokens/new)",
        antigravity: "sign in again with `opencode auth login` (Google, OAuth with Antigravity) to recreate it",
        other: "recreate it with the tool that wrote it"
      }[kind]
      const fix = e.problem === "permissionDenied"
        ? `Make it readable by your user, e.g. \`chmod u+r ${shellWord(e.path)}\` (if another user owns it: \`sudo chown "$USER" ${
          shellWord(e.path)
        }\`).`
        : e.problem === "isDirectory" || e.problem === "notRegularFile"
        ? `Remove it and put the JSON file in its place: ${recreate}.`
        : e.problem === "ioError"
        ? `Check the file and the disk it is on; if the file is damaged, ${recreate}.`
        : `${recreate[0]!.toUpperCase()}${recreate.slice(1)}.`
      return {
        message: `Unable to read authentication file ${e.path}: ${problem}`,
        fix: kind === "auth" ? `${fix} Other credential sources were still checked.` : fix
      }
    },
    CredentialsInvalid: (e) => ({
      message: `Invalid credentials in ${e.source}: ${e.problem}`,
      fix: "Correct it as the message says; for an auth.json entry, logging in again with `opencode auth login` rewrites it."
    }),
    ConfigInvalid: (e) => ({
      message: `Invalid configuration: ${e.problem}`,
      fix: "Unset the variable to use the default endpoint, or set a full http(s) URL."
    }),
    TokenExpired: (e, c) => ({
      message: `${c.name} access token expired ${c.span(Math.max(0, (c.now - e.expiredAt) / 1000))} ago`,
      fix: `Use an ${c.name} model once in OpenCode to refresh it, then run mystatus again.`
    }),
    HttpError: (e, c) => ({
      message: `${c.name} API request failed (${statusLine(e.status)})${
        (e.detail ?? e.code) === undefined ? "" : `: ${e.detail ?? e.code}`
      }`,
      fix: e.status === 401 || e.status === 403
        ? `Your ${c.name} login was refused: re-authorize with \`opencode auth login\`.`
        : e.status === 429
        ? `Rate limited: wait ${e.retryAfterSeconds === undefined ? "a few minutes" : c.span(e.retryAfterSeconds)} and try again.`
        : e.status >= 500
        ? `${c.name} has a temporary problem; try again later.`
        : e.status === 404
        ? `The endpoint ${e.endpoint} was not found: check any MYSTATUS_*_URL variable you set. If you set none, the API may have moved: please report this message.`
        : "Try again; if it persists, report it with this message."
    }),
    ApiError: (e) => ({
      message: `${e.service} API request failed (${e.code})${e.detail === "" ? "" : `: ${e.detail}`}`,
      fix: "Check the API key and that the coding plan is active; set the key again with `opencode auth login`."
    }),
    DecodeError: (e, c) => ({
      message: `Unexpected response from ${c.name} (${e.endpoint}): ${
        {
          shape: e.problem,
          noQuota: `none of the fields that carry the quota (${e.problem}) is in the answer`,
          notJson: "the answer is not JSON",
          empty: "the answer is empty",
          tooLarge: "the answer is larger than 2 MiB",
          tooDeep: "the answer's JSON is nested too deeply"
        }[e.reason]
      }`,
      fix:
        "The API may have changed, a captive portal or proxy answered instead, or a MYSTATUS_*_URL variable points elsewhere; the other providers are unaffected. If it persists, report this message."
    }),
    NetworkError: (e, c) => {
      const kind = networkKind(e)
      return {
        message: `Could not reach ${c.name} at ${e.endpoint}: ${e.cause}`,
        fix: kind === "tls"
          ? "The server's certificate was not trusted: a proxy or firewall may be intercepting the connection. If your organisation's does, point NODE_EXTRA_CA_CERTS at its CA certificate."
          : e.proxy !== undefined
          ? `Check the proxy in ${e.proxy} (its address, and that it is running), or unset ${e.proxy} to connect directly.`
          : kind === "refused"
          ? "Nothing accepted the connection at that address: check any MYSTATUS_*_URL variable you set, or try again later."
          : kind === "unreachable"
          ? `Check your network connection. Behind a firewall, or in a region where ${c.name} is blocked, set HTTPS_PROXY to your proxy (e.g. HTTPS_PROXY=http://host:port).`
          : "Check your network connection, then try again."
      }
    },
    CopilotQuotaUnavailable: (e) => ({
      message: `GitHub Copilot quota query unavailable: OpenCode's GitHub login cannot read the quota API (HTTP ${e.status}).`,
      fix: [
        "Create a fine-grained personal access token that can read your premium requests:",
        "1. Open https://github.com/settings/personal-access-tokens/new and under \"Account permissions\" set \"Plan\" to \"Read-only\".",
        `2. Save it in ${e.patPath} as {"token": "github_pat_...", "username": "<your GitHub login>", "tier": "pro"}; "tier" is required: free, pro, pro+, business or enterprise.`,
        "3. Run mystatus again.",
        "Or check the Copilot icon in the VS Code status bar, or https://github.com/settings/billing."
      ].join("\n")
    }),
    MissingProjectId: (e) => ({
      message: "No Google Cloud project for this account, and Antigravity did not assign one",
      fix: `Find your project ID in the Google Cloud console (https://console.cloud.google.com, the project picker at the top: use the ID, not the name) and add "projectId": "<your-project-id>" to this account in ${e.path}, or sign in again with \`opencode auth login\` and give the project ID when asked.`
    }),
    Timeout: (e, c) => ({
      message: `Request timeout (${e.seconds}s)`,
      fix: `${c.name} did not answer in time; try again, or allow longer with --timeout.`
    })
  }
}

const zh: Messages = {
  duration: ({ days, hours, minutes }) =>
    days > 0 ? `${days}天${hours}小时` : hours > 0 ? `${hours}小时${minutes}分钟` : `${minutes}分钟`,
  lessThanAMinute: "不到1分钟",
  windowLength: (seconds) =>
    seconds === 86400
      ? "每日"
      : seconds === 604800
      ? "每周"
      : months(seconds)
      ? "每月"
      : seconds % 86400 === 0
      ? `${seconds / 86400}天`
      : seconds % 3600 === 0
      ? `${seconds / 3600}小时`
      : `${Math.round(seconds / 60)}分钟`,
  scope: (scope) =>
    scope._tag === "Named"
      ? scope.name
      : ({
        mcp: "MCP",
        codeReview: "代码审查",
        credits: "额度",
        premiumRequests: "高级请求",
        chat: "聊天",
        completions: "代码补全",
        otherModels: "其他模型"
      } as const)[scope.key],
  unit: (unit) => ({ tokens: "tokens", requests: "次请求", calls: "次调用", credits: "额度" })[unit],
  usage: "用量",
  left: (percent) => `剩余 ${percent}`,
  resetsIn: (span) => `${span}后重置`,
  resetDue: "即将重置",
  usedOf: (used, limit, unit) => `已用 ${used} / ${limit} ${unit}`.trimEnd(),
  highUsage: (label, percent) => `${label}：已使用 ${percent}`,
  limitReached: "已达上限：在下次重置前请求会被拒绝",
  credits: (balance, unlimited) => (unlimited ? "额度：无限" : `额度余额：${balance}`),
  unlimited: "无限制",
  overQuota: "已超额",
  overage: (count, unit) => `已超额：本周期额外使用 ${count} ${unit}`,
  topModels: (list) => `最常用模型：${list}`,
  billingPeriod: (year, month) => `计费周期：${year}-${String(month).padStart(2, "0")}`,
  usageBasedBilling: "按用量计费（AI credits）：GitHub 不为此账户报告高级请求配额",
  noWindows: "此账户未返回任何限额",
  failedHeader: "查询失败",
  fixPrefix: "解决：",
  nothingConfigured: "未找到已配置的账户。",
  supportedAccounts: "mystatus 读取各工具已保存的凭据。支持的账户类型：",
  setup: (name, ways) => `${name}：${ways.join("，或 ")}`,
  entryIn: (entry, path) => `${path} 中的 "${entry}" 条目（用 \`opencode auth login\` 登录）`,
  file: (path) => path,
  lookedAt: "已查找：",
  found: "存在",
  notFound: "不存在",
  authFileName: "OpenCode 凭据",
  notConfigured: (name, places) => `${name}：未配置（已查找 ${places.join("、")}）`,
  lookedFor: ({ entry, exists, path }) => `${entry === null ? path : `${path} 中的 "${entry}" 条目`}${exists ? "" : "（文件不存在）"}`,
  cli: {
    argument: (problem, context) => {
      const what = (() => {
        switch (problem._tag) {
          case "UnknownOption":
            return `${problem.flag}：未知选项；可用的选项：${context.options.join("、")}`
          case "UnexpectedArgument":
            return problem.provider === undefined
              ? `'${shown(problem.value)}'：多余的参数；mystatus 只接受选项`
              : `'${shown(problem.value)}'：多余的参数；若只查询该平台，请用 --provider ${problem.provider}`
          case "MissingValue":
            return problem.flag === "--provider"
              ? `--provider：缺少取值，应为以下之一：${context.providers.join("、")}`
              : problem.flag === "--timeout"
              ? `--timeout：缺少取值，应为 1 到 ${context.maxSeconds} 之间的整数秒数`
              : `--lang：缺少取值，应为以下之一：${LANGS.join("、")}`
          case "TakesNoValue":
            return `${problem.flag}：此选项不接受取值，却收到了 '${shown(problem.value)}'`
          case "NotAProvider":
            return `--provider：'${shown(problem.value)}' 不是可查询的平台；应为以下之一：${context.providers.join("、")}`
          case "NotSeconds":
            return `--timeout：'${shown(problem.value)}' 不是整数秒数`
          case "SecondsOutOfRange":
            return `--timeout：'${shown(problem.value)}' 超出范围；应为 1 到 ${context.maxSeconds} 秒`
          case "NotALanguage":
            return `--lang：'${shown(problem.value)}' 不是支持的语言；应为以下之一：${LANGS.join("、")}`
        }
      })()
      return `mystatus：${what}（参见 mystatus --help）`
    },
    stopped: (seconds) => `mystatus：${seconds} 秒内未能生成报告，已停止。可用 --timeout 延长等待。`,
    internalError: (name) => `mystatus：内部错误（${name}）；请连同所运行的命令一起反馈。`
  },
  hints: {
    copilotPatPermission:
      "该令牌须是细粒度个人访问令牌（fine-grained PAT），并在账户权限中将 \"Plan\" 设为 \"Read-only\"；\"username\" 须是令牌所有者的 GitHub 用户名。",
    googleSignInAgain:
      "Google 不再接受此账户的刷新令牌（已撤销或过期）：请用 `opencode auth login`（Google，OAuth with Antigravity）重新登录该账户。"
  },
  errors: {
    AuthFileUnreadable: (e) => {
      const problem = {
        isDirectory: "它是一个目录，而不是文件",
        notRegularFile: "它不是普通文件（而是 FIFO、套接字或设备）",
        permissionDenied: "权限不足",
        tooLarge: e.detail === undefined ? "文件过大" : `文件大于 ${grouped(e.detail)} 字节`,
        tooDeep: "其中的 JSON 嵌套过深",
        notJson: e.line === undefined || e.column === undefined
          ? "不是有效的 JSON"
          : `不是有效的 JSON（第 ${e.line} 行，第 ${e.column} 列）`,
        notObject: "顶层不是 JSON 对象",
        ioError: e.detail === undefined ? "读取出错" : `读取出错（${e.detail}）`
      }[e.problem]
      const kind = fileKind(e)
      const recreate = {
        auth: "用 `opencode auth login` 重新登录即可重建该文件",
        copilotPat:
          "请按 {\"token\": \"github_pat_...\", \"username\": \"<你的 GitHub 用户名>\", \"tier\": \"pro\"} 的 JSON 格式重新创建该文件（tier 为 free、pro、pro+、business 或 enterprise），令牌须是在账户权限中将 \"Plan\" 设为 \"Read-only\" 的细粒度个人访问令牌（https://github.com/settings/personal-access-tokens/new）",
        antigravity: "用 `opencode auth login`（Google，OAuth with Antigravity）重新登录即可重建该文件",
        other: "请用写入它的工具重新生成该文件"
      }[kind]
      const fix = e.problem === "permissionDenied"
        ? `请让当前用户可读该文件，例如 \`chmod u+r ${shellWord(e.path)}\`（若文件属于其他用户：\`sudo chown "$USER" ${
          shellWord(e.path)
        }\`）。`
        : e.problem === "isDirectory" || e.problem === "notRegularFile"
        ? `请删除它，并在原处放置该 JSON 文件：${recreate}。`
        : e.problem === "ioError"
        ? `请检查该文件及其所在磁盘；若文件已损坏，${recreate}。`
        : `${recreate}。`
      return {
        message: `无法读取认证文件 ${e.path}：${problem}`,
        fix: kind === "auth" ? `${fix}其他凭据来源仍已查询。` : fix
      }
    },
    CredentialsInvalid: (e) => ({
      message: `${e.source} 中的凭据无效：${e.problem}`,
      fix: "请按提示修正；若是 auth.json 中的条目，用 `opencode auth login` 重新登录即可重写。"
    }),
    ConfigInvalid: (e) => ({
      message: `配置无效：${e.problem}`,
      fix: "取消该环境变量以使用默认地址，或设置完整的 http(s) URL。"
    }),
    TokenExpired: (e, c) => ({
      message: `${c.name} 访问令牌已于 ${c.span(Math.max(0, (c.now - e.expiredAt) / 1000))}前过期`,
      fix: `请在 OpenCode 中使用一次 ${c.name} 模型以刷新令牌，然后重新运行 mystatus。`
    }),
    HttpError: (e, c) => ({
      message: `${c.name} API 请求失败（${statusLine(e.status)}）${(e.detail ?? e.code) === undefined ? "" : `：${e.detail ?? e.code}`}`,
      fix: e.status === 401 || e.status === 403
        ? `${c.name} 拒绝了登录凭据：请用 \`opencode auth login\` 重新授权。`
        : e.status === 429
        ? `请求过于频繁：请等待${e.retryAfterSeconds === undefined ? "几分钟" : c.span(e.retryAfterSeconds)}后重试。`
        : e.status >= 500
        ? `${c.name} 暂时出现问题，请稍后重试。`
        : e.status === 404
        ? `未找到接口 ${e.endpoint}：请检查你设置的 MYSTATUS_*_URL 变量；若未设置过，可能是接口已迁移，请反馈此信息。`
        : "请重试；若问题持续，请附上此信息反馈。"
    }),
    ApiError: (e) => ({
      message: `${e.service} API 请求失败 (${e.code})${e.detail === "" ? "" : `：${e.detail}`}`,
      fix: "请检查 API 密钥及编码套餐是否有效；可用 `opencode auth login` 重新设置密钥。"
    }),
    DecodeError: (e, c) => ({
      message: `${c.name} 返回了无法识别的响应（${e.endpoint}）：${
        {
          shape: e.problem,
          noQuota: `应答中没有任何承载配额的字段（${e.problem}）`,
          notJson: "应答不是 JSON",
          empty: "应答为空",
          tooLarge: "应答大于 2 MiB",
          tooDeep: "应答的 JSON 嵌套过深"
        }[e.reason]
      }`,
      fix:
        "可能是接口已变更、应答来自强制登录页面（captive portal）或代理，或 MYSTATUS_*_URL 变量指向了别处；其他平台不受影响。若问题持续，请反馈此信息。"
    }),
    NetworkError: (e, c) => {
      const kind = networkKind(e)
      return {
        message: `无法连接 ${c.name}（${e.endpoint}）：${e.cause}`,
        fix: kind === "tls"
          ? "服务器证书不受信任：可能有代理或防火墙在拦截连接。若是所在单位的代理，请将 NODE_EXTRA_CA_CERTS 指向其 CA 证书。"
          : e.proxy !== undefined
          ? `请检查 ${e.proxy} 中设置的代理（地址是否正确、是否在运行），或取消 ${e.proxy} 以直接连接。`
          : kind === "refused"
          ? "该地址拒绝了连接：请检查你设置的 MYSTATUS_*_URL 变量，或稍后重试。"
          : kind === "unreachable"
          ? `请检查网络连接。若处于防火墙之后，或所在地区无法访问 ${c.name}，请将 HTTPS_PROXY 设为你的代理（例如 HTTPS_PROXY=http://host:port）。`
          : "请检查网络连接，然后重试。"
      }
    },
    CopilotQuotaUnavailable: (e) => ({
      message: `GitHub Copilot 配额查询不可用：OpenCode 的 GitHub 登录无法读取配额接口（HTTP ${e.status}）。`,
      fix: [
        "请创建一个可读取高级请求用量的细粒度个人访问令牌：",
        "1. 打开 https://github.com/settings/personal-access-tokens/new，在 \"Account permissions\" 中将 \"Plan\" 设为 \"Read-only\"。",
        `2. 保存到 ${e.patPath}，内容为 {"token": "github_pat_...", "username": "<你的 GitHub 用户名>", "tier": "pro"}；"tier" 必填：free、pro、pro+、business 或 enterprise。`,
        "3. 重新运行 mystatus。",
        "也可以查看 VS Code 状态栏中的 Copilot 图标，或访问 https://github.com/settings/billing。"
      ].join("\n")
    }),
    MissingProjectId: (e) => ({
      message: "此账户没有 Google Cloud 项目，Antigravity 也未分配项目",
      fix: `请在 Google Cloud 控制台（https://console.cloud.google.com，顶部的项目选择器，使用项目 ID 而非名称）找到项目 ID，并在 ${e.path} 中为此账户添加 "projectId": "<你的项目 ID>"；或用 \`opencode auth login\` 重新登录并在提示时填写项目 ID。`
    }),
    Timeout: (e, c) => ({
      message: `请求超时（${e.seconds}秒）`,
      fix: `${c.name} 未及时响应；请重试，或用 --timeout 延长等待。`
    })
  }
}

export const messages: Readonly<Record<Lang, Messages>> = { en, zh }

/**
 * `--lang` first (the caller's), then the POSIX locale variables in their order of precedence, then the runtime's
 * locale. That last one is asked only when needed: creating the first Intl object costs ~20 ms of start-up.
 */
export const detectLang = (env: {
  readonly LC_ALL?: string | undefined
  readonly LC_MESSAGES?: string | undefined
  readonly LANG?: string | undefined
}, intlLocale: () => string): Lang => {
  const pick = (value: string | undefined): Lang | undefined => {
    if (value === undefined || value === "" || value === "POSIX" || value === "C" || value.startsWith("C.")) return undefined
    return value.toLowerCase().startsWith("zh") ? "zh" : "en"
  }
  return pick(env.LC_ALL) ?? pick(env.LC_MESSAGES) ?? pick(env.LANG) ?? pick(intlLocale()) ?? "en"
}

const runtimeLocale = () => Intl.DateTimeFormat().resolvedOptions().locale

/** The language the environment asks for: `LC_ALL`, `LC_MESSAGES`, `LANG`, then the runtime's locale. */
export const langFromEnvironment: Effect.Effect<Lang> = Config.all({
  LC_ALL: Config.option(Config.string("LC_ALL")),
  LC_MESSAGES: Config.option(Config.string("LC_MESSAGES")),
  LANG: Config.option(Config.string("LANG"))
}).pipe(
  Effect.map((env) =>
    detectLang({
      LC_ALL: Option.getOrUndefined(env.LC_ALL),
      LC_MESSAGES: Option.getOrUndefined(env.LC_MESSAGES),
      LANG: Option.getOrUndefined(env.LANG)
    }, runtimeLocale)
  ),
  Effect.orElseSucceed(() => detectLang({}, runtimeLocale))
)

/** What `mystatus --help` states about this installation: the providers and where their credentials are read. */
export interface HelpFacts {
  readonly version: string
  readonly providers: ReadonlyArray<{ readonly id: string; readonly aliases: ReadonlyArray<string> }>
  /** Each credential file as resolved from this environment, with the providers that read it. */
  readonly files: ReadonlyArray<{ readonly path: string; readonly ids: ReadonlyArray<string> }>
  readonly defaultTimeoutSeconds: number
  readonly maxTimeoutSeconds: number
}

/**
 * `mystatus --help`, in English only: it is reference text about flags, variables and paths, which read the same in
 * every language; the report and every error are translated.
 */
export const helpText = (facts: HelpFacts): string => {
  const ids = facts.providers.map((p) => p.id).join(", ")
  const aliases = facts.providers.flatMap((p) => p.aliases).filter((alias) => ["codex", "gemini"].includes(alias))
  const table = (rows: ReadonlyArray<readonly [string, string]>) => {
    const width = Math.max(...rows.map(([left]) => left.length)) + 2
    return rows.map(([left, right]) => `  ${left.padEnd(width)}${right}`.trimEnd())
  }
  const pathWidth = Math.max(...facts.files.map((file) => file.path.length))
  return [
    `mystatus ${facts.version}: how much AI-subscription quota is left, per provider, and when it resets.`,
    "",
    "Usage:",
    "  mystatus [--json] [--provider NAME[,NAME...]]... [--timeout SECONDS] [--lang " + LANGS.join("|") + "] [--no-color]",
    "  mystatus --help | --version",
    "",
    "Options:",
    ...table([
      ["--json", "Print the report as JSON (contract version 1) instead of text."],
      ["--provider NAME", "Ask only this provider; repeat the option or give a comma list for several."],
      ["", `NAME: ${ids},`],
      ["", `or a provider's display name or alias${aliases.length > 0 ? ` (e.g. ${aliases.join(", ")})` : ""}.`],
      ["", "Default: every configured provider."],
      ["--timeout SECONDS", `How long each account may take, 1 to ${facts.maxTimeoutSeconds}. Default: ${facts.defaultTimeoutSeconds}.`],
      [`--lang ${LANGS.join("|")}`, "Language of the report. Default: from LC_ALL, LC_MESSAGES or LANG, else the system's."],
      ["--no-color", "Never colour. Default: colour only when stdout is a terminal and NO_COLOR is empty."],
      ["-h, --help", "Show this help."],
      ["--version", "Print the version."]
    ]),
    "",
    "Exit status:",
    ...table([
      ["0", "every provider asked answered"],
      ["1", "a provider failed (the report is still printed)"],
      ["2", "nothing is configured, or the arguments are bad"],
      ["130", "interrupted (SIGINT, Ctrl-C): nothing is printed"],
      ["143", "terminated (SIGTERM): nothing is printed"]
    ]),
    "",
    "Credentials (only read, never written), here:",
    ...facts.files.map((file) => `  ${file.path.padEnd(pathWidth)}  ${file.ids.join(", ")}`),
    "  auth.json is OpenCode's, in $XDG_DATA_HOME/opencode (default ~/.local/share/opencode). The other files are",
    "  in OpenCode's config dir: $OPENCODE_CONFIG_DIR, else $XDG_CONFIG_HOME/opencode, else ~/.config/opencode.",
    "",
    "Environment:",
    ...table([
      ["LC_ALL, LC_MESSAGES, LANG", "the language, when --lang is not given"],
      ["NO_COLOR", "any non-empty value turns colour off"],
      ["HOME, XDG_DATA_HOME", "where auth.json is"],
      ["OPENCODE_CONFIG_DIR, XDG_CONFIG_HOME", "where the other credential files are"],
      ["HTTPS_PROXY, HTTP_PROXY, NO_PROXY", "the proxy for requests (lower-case names too)"],
      ["MYSTATUS_OPENAI_BASE_URL", "endpoint roots used instead of the providers' own"],
      ["MYSTATUS_ZHIPU_BASE_URL", "(a mirror, a test server)"],
      ["MYSTATUS_ZAI_BASE_URL", ""],
      ["MYSTATUS_GITHUB_API_URL", ""],
      ["MYSTATUS_GOOGLE_OAUTH_URL", ""],
      ["MYSTATUS_CLOUDCODE_BASE_URL", ""]
    ]),
    "",
    "Examples:",
    "  mystatus                              every configured provider",
    "  mystatus --provider copilot,google    only these two",
    "  mystatus --json --timeout 30 | jq '.providers[] | select(.status == \"error\") | .error.message'",
    ""
  ].join("\n")
}
