import { Config, Effect, Option } from "effect"
import type { QuotaError } from "../schema/errors.js"
import type { Scope, Unit } from "../schema/report.js"

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
  readonly hints: { readonly copilotPatPermission: string; readonly googleSignInAgain: string }
  readonly errors: ErrorTexts
}

const months = (seconds: number) => seconds >= 28 * 86400 && seconds <= 31 * 86400

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
  usedOf: (used, limit, unit) => `${used} / ${limit} ${unit}`,
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
  hints: {
    copilotPatPermission:
      "The token must be a fine-grained personal access token with the account permission \"Plan: Read-only\", and \"username\" must be its owner's GitHub login.",
    googleSignInAgain:
      "Google no longer accepts this account's refresh token (revoked or expired): sign in to it again with `opencode auth login` (Google, OAuth with Antigravity)."
  },
  errors: {
    AuthFileUnreadable: (e) => ({
      message: `Unable to read authentication file ${e.path}: ${e.cause}`,
      fix:
        "Make sure the file is readable and is the JSON OpenCode writes (log in again with `opencode auth login` to recreate it). Other credential sources were still checked."
    }),
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
      message: `${c.name} request failed: HTTP ${e.status}${e.body ? ` (${e.body})` : ""}`,
      fix: e.status === 401 || e.status === 403
        ? `Your ${c.name} login was refused: re-authorize with \`opencode auth login\`.`
        : e.status === 429
        ? `Rate limited: wait ${e.retryAfterSeconds === undefined ? "a few minutes" : c.span(e.retryAfterSeconds)} and try again.`
        : e.status >= 500
        ? `${c.name} has a temporary problem; try again later.`
        : e.status === 404
        ? `The endpoint ${e.endpoint} was not found; check any MYSTATUS_*_BASE_URL you set.`
        : null
    }),
    ApiError: (e) => ({
      message: `${e.service} API request failed (${e.code}): ${e.detail}`,
      fix: "Check the API key and that the coding plan is active; set the key again with `opencode auth login`."
    }),
    DecodeError: (e, c) => ({
      message: `Unexpected response from ${c.name} (${e.endpoint}): ${e.problem}`,
      fix: "The API may have changed. Please report this message; the other providers are unaffected."
    }),
    NetworkError: (e, c) => ({
      message: `Could not reach ${c.name} at ${e.endpoint}: ${e.cause}`,
      fix: "Check your network connection, proxy, or MYSTATUS_*_BASE_URL."
    }),
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
  usedOf: (used, limit, unit) => `${used} / ${limit} ${unit}`,
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
  hints: {
    copilotPatPermission:
      "该令牌须是细粒度个人访问令牌（fine-grained PAT），并在账户权限中将 \"Plan\" 设为 \"Read-only\"；\"username\" 须是令牌所有者的 GitHub 用户名。",
    googleSignInAgain:
      "Google 不再接受此账户的刷新令牌（已撤销或过期）：请用 `opencode auth login`（Google，OAuth with Antigravity）重新登录该账户。"
  },
  errors: {
    AuthFileUnreadable: (e) => ({
      message: `无法读取认证文件 ${e.path}：${e.cause}`,
      fix: "请确认该文件可读且是 OpenCode 写入的 JSON（用 `opencode auth login` 重新登录可重建）。其他凭据来源仍已查询。"
    }),
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
      message: `${c.name} 请求失败：HTTP ${e.status}${e.body ? `（${e.body}）` : ""}`,
      fix: e.status === 401 || e.status === 403
        ? `${c.name} 拒绝了登录凭据：请用 \`opencode auth login\` 重新授权。`
        : e.status === 429
        ? `请求过于频繁：请等待${e.retryAfterSeconds === undefined ? "几分钟" : c.span(e.retryAfterSeconds)}后重试。`
        : e.status >= 500
        ? `${c.name} 暂时出现问题，请稍后重试。`
        : e.status === 404
        ? `未找到接口 ${e.endpoint}；请检查你设置的 MYSTATUS_*_BASE_URL。`
        : null
    }),
    ApiError: (e) => ({
      message: `${e.service} API 请求失败 (${e.code})：${e.detail}`,
      fix: "请检查 API 密钥及编码套餐是否有效；可用 `opencode auth login` 重新设置密钥。"
    }),
    DecodeError: (e, c) => ({
      message: `${c.name} 返回了无法识别的响应（${e.endpoint}）：${e.problem}`,
      fix: "接口可能已变更，请反馈此信息；其他平台不受影响。"
    }),
    NetworkError: (e, c) => ({
      message: `无法连接 ${c.name}（${e.endpoint}）：${e.cause}`,
      fix: "请检查网络连接、代理或 MYSTATUS_*_BASE_URL。"
    }),
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
