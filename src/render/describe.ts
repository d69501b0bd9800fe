import { type Lang, LOCALES } from "../i18n/index.js"
import type { Described, HttpKind, Locale, NetworkKind, ProviderWords } from "../i18n/Locale.js"
import type { HttpError, NetworkError, QuotaError } from "../schema/errors.js"
import type { Expected, Issues } from "../schema/issues.js"
import { type AccountReport, type Outcome, WARN_AT_PERCENT, type Window, windowLength } from "../schema/report.js"
import { wordsOf } from "../providers/registry.js"

/**
 * What to say, decided once for every face (text, JSON, the plugin): a window's label, the warnings and notes of an
 * account, an error's message and fix. Classification happens here (a length into Weekly, a status into "refused");
 * the locale only words the result.
 */

/** The platform's own words in `lang`, or none (OpenCode's auth.json, an id no longer registered). */
const providerWords = (id: string, lang: Lang): ProviderWords | undefined => wordsOf(id)?.[lang]

export const span = (locale: Locale, seconds: number): string => {
  const minutes = Math.round(seconds / 60)
  if (minutes < 1) return locale.lessThanAMinute
  return locale.duration({ days: Math.floor(minutes / 1440), hours: Math.floor((minutes % 1440) / 60), minutes: minutes % 60 })
}

export const windowLabel = (lang: Lang, id: string, window: Window): string => {
  const locale = LOCALES[lang]
  const scope = window.scope === null
    ? null
    : window.scope._tag === "Named"
    ? window.scope.name
    : providerWords(id, lang)?.scopes[window.scope.key] ?? window.scope.key
  const parts = [scope, window.windowSeconds === null ? null : locale.windowLength(windowLength(window.windowSeconds))]
    .filter((part): part is string => part !== null)
  // Neither scoped nor of a known length: the plan's usage as a whole (its counts say what it counts).
  return parts.length > 0 ? parts.join(" · ") : locale.report.usage
}

/** How a window's use reads, wherever it is coloured (a bar, the status-bar line, the sidebar): past the warning
 * threshold, past half, or fine. */
export type Tone = "ok" | "warn" | "error"
export const toneOf = (window: Window, warnAt: number): Tone =>
  window.usedPercent >= warnAt ? "error" : window.usedPercent >= 50 ? "warn" : "ok"

/** The account's warnings: limits reached, overage, and each window from `warnAt` percent used (`--warn-at`). */
export const warningsOf = (lang: Lang, id: string, report: AccountReport, warnAt: number = WARN_AT_PERCENT): Array<string> => {
  const locale = LOCALES[lang]
  return [
    ...report.notes.flatMap((note) =>
      note._tag === "LimitReached"
        ? [locale.report.limitReached]
        : note._tag === "OverQuota"
        ? [locale.report.overage(locale.number(note.overage), locale.unit[note.unit])]
        : []
    ),
    ...report.windows
      .filter((window) => window.unlimited !== true && window.usedPercent >= warnAt)
      .map((window) => locale.report.highUsage(windowLabel(lang, id, window), locale.percent(window.usedPercent)))
  ]
}

export const notesOf = (lang: Lang, name: string, report: AccountReport): Array<string> => {
  const { listSeparator, money, number, report: words } = LOCALES[lang]
  return report.notes.flatMap((note) => {
    switch (note._tag) {
      case "CreditsBalance":
        return [words.credits(number(note.balance), note.unlimited)]
      case "TopModels":
        return [words.topModels(note.models.map((model) => words.modelUse(model.name, number(model.used))).join(listSeparator))]
      case "BillingPeriod":
        return [words.billingPeriod(note.year, note.month)]
      case "UsageBasedBilling":
        return [words.usageBasedBilling(name)]
      case "ExtraUsage": {
        const money = (amount: number) => [number(amount, note.decimals), note.currency].filter((part) => part !== null).join(" ")
        return [words.extraUsage(money(note.spent), note.limit === null ? null : money(note.limit))]
      }
      case "MoneyLeft":
        return [words.moneyBalance(money(note.amount, note.currency))]
      case "MoneySpent": {
        const periods = (["today", "week", "month"] as const).flatMap((period) => {
          const amount = note[period]
          return amount === null ? [] : [words.spentIn[period](money(amount, note.currency))]
        })
        return periods.length === 0 ? [] : [words.moneySpent(periods.join(listSeparator))]
      }
      case "BalanceHidden":
        return [words.balanceHidden(name)]
      case "LimitReached":
      case "OverQuota":
        return []
    }
  })
}

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

const httpKind = (e: HttpError): HttpKind =>
  e.status === 401 || e.status === 403
    ? "refused"
    : e.status === 429
    ? "rateLimited"
    : e.status >= 500
    ? "server"
    : e.status === 404
    ? "notFound"
    : "other"

/**
 * What kind of network failure, from the system's reason at the end of fetch's cause chain: the fix differs. A proxy
 * helps when the host cannot be found, reached or kept (DNS, timeouts, resets), not when the address is wrong.
 */
const networkKind = (e: NetworkError): NetworkKind =>
  /certificate|CERT_|self[- ]signed|\bSSL|\bTLS|EPROTO/i.test(e.cause)
    ? "tls"
    : /ECONNREFUSED/.test(e.cause)
    ? "refused"
    : /ENOTFOUND|EAI_AGAIN|EAI_NONAME|getaddrinfo|ETIMEDOUT|timed? ?out|ECONNRESET|EHOSTUNREACH|ENETUNREACH|socket hang up|other side closed/i
        .test(e.cause)
    ? "unreachable"
    : "other"

/** An error's message and fix in `lang`: the generic words, or the platform's own where it has them. */
export const describeError = (lang: Lang, error: QuotaError, name: string, now: number): Described => {
  const locale = LOCALES[lang]
  const own = providerWords(error.provider, lang)
  const context = { name, now, span: (seconds: number) => span(locale, seconds) }
  const { errors } = locale
  switch (error._tag) {
    case "AuthFileUnreadable":
      return errors.AuthFileUnreadable(error, { ...context, recreate: own?.recreateFile ?? null })
    case "CredentialsInvalid":
      return errors.CredentialsInvalid(error, {
        ...context,
        problem: issuesText(locale, error.issues),
        recreate: own?.recreateFile ?? null
      })
    case "ConfigInvalid":
      return errors.ConfigInvalid(error, context)
    case "TokenExpired":
      return errors.TokenExpired(error, { ...context, refresh: own?.refreshLogin ?? null })
    case "HttpError": {
      const described = errors.HttpError(error, { ...context, kind: httpKind(error), status: statusLine(error.status) })
      // The platform knows better than the generic advice for a status.
      const hint = error.hint === undefined ? undefined : own?.hints[error.hint]
      return hint === undefined ? described : { ...described, fix: typeof hint === "string" ? hint : hint(error, context) }
    }
    case "ApiError":
      return errors.ApiError(error, context)
    case "DecodeError":
      return errors.DecodeError(error, {
        ...context,
        problem: error.reason === "noQuota"
          ? (error.fields ?? []).join(locale.listSeparator)
          : error.issues === undefined
          ? ""
          : issuesText(locale, error.issues)
      })
    case "NetworkError":
      return errors.NetworkError(error, { ...context, kind: networkKind(error) })
    case "ProviderProblem": {
      const words = own?.problems[error.problem]
      // Unreachable while the provider that raised it is registered; said plainly rather than thrown.
      return words === undefined ? { message: `${name}: ${error.problem}`, fix: "" } : words(error.params, context)
    }
    case "Timeout":
      return errors.Timeout(error, context)
  }
}

/** What is wrong with an input, in words: `accounts[0].refreshToken: is missing; version: expected a number`. */
export const issuesText = (locale: Locale, issues: Issues): string => {
  const words = locale.issue
  const what = (expected: Expected): string => {
    switch (expected._tag) {
      case "Missing":
        return words.missing
      case "Unexpected":
        return words.unexpected
      case "Valid":
        return words.invalid
      case "Type":
        return words.expected(expected.types.map((type) => words.types[type]).join(words.or))
      case "OneOf":
        return words.expected(words.oneOf(expected.values))
      case "Secret":
        return words.secret
      case "Login":
        return words.login
      case "Timestamp":
        return words.timestamp
      case "Url":
        return words.url
    }
  }
  const listed = issues.list.map((issue) => words.at(issue.path, what(issue.expected))).join(words.separator)
  return issues.more > 0 ? listed + words.more(issues.more) : listed
}

/** The stable tag of an error in JSON: a platform's own failure goes by its name (e.g. "CopilotQuotaUnavailable"). */
export const errorTag = (error: QuotaError): string => (error._tag === "ProviderProblem" ? error.problem : error._tag)

/** Who failed: OpenCode's auth.json has no platform name of its own. */
export const nameOf = (lang: Lang, outcome: Outcome): string =>
  outcome.id === "opencode" ? LOCALES[lang].report.authFileName : outcome.name
