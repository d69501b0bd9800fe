import { eastAsianWidth } from "get-east-asian-width"
import type { QuotaError } from "../schema/errors.js"
import type { JsonProvider, JsonReport } from "../schema/json.js"
import { type AccountReport, type Outcome, remainingPercent, type RunResult, WARN_AT_PERCENT, type Window } from "../schema/report.js"
import { type Lang, messages, type Messages } from "./Messages.js"

/**
 * Rendering is a pure function of the run, the language and whether colour is wanted. Providers never
 * format text; everything here reads the report model and the message catalogue.
 */
export interface RenderOptions {
  readonly lang: Lang
  readonly color: boolean
}

const BAR_WIDTH = 20

export const span = (m: Messages, seconds: number): string => {
  const minutes = Math.round(seconds / 60)
  if (minutes < 1) return m.lessThanAMinute
  return m.duration({ days: Math.floor(minutes / 1440), hours: Math.floor((minutes % 1440) / 60), minutes: minutes % 60 })
}

export const windowLabel = (m: Messages, window: Window): string => {
  const parts = [
    window.scope === null ? null : m.scope(window.scope),
    window.windowSeconds === null ? null : m.windowLength(window.windowSeconds)
  ].filter((part): part is string => part !== null)
  if (parts.length > 0) return parts.join(" · ")
  return window.unit === null ? m.usage : m.unit(window.unit)
}

const percent = (value: number) => `${Math.round(value)}%`

export const warningsOf = (m: Messages, lang: Lang, report: AccountReport): Array<string> => [
  ...report.notes.flatMap((note) =>
    note._tag === "LimitReached"
      ? [m.limitReached]
      : note._tag === "OverQuota"
      ? [m.overage(number(lang, note.overage), m.unit(note.unit))]
      : []
  ),
  ...report.windows
    .filter((window) => window.unlimited !== true && window.usedPercent >= WARN_AT_PERCENT)
    .map((window) => m.highUsage(windowLabel(m, window), percent(window.usedPercent)))
]

export const notesOf = (m: Messages, lang: Lang, report: AccountReport): Array<string> =>
  report.notes.flatMap((note) => {
    switch (note._tag) {
      case "CreditsBalance":
        return [m.credits(note.balance, note.unlimited)]
      case "TopModels":
        return [m.topModels(note.models.map((model) => `${model.name} (${number(lang, model.used)})`).join(", "))]
      case "BillingPeriod":
        return [m.billingPeriod(note.year, note.month)]
      case "UsageBasedBilling":
        return [m.usageBasedBilling]
      case "LimitReached":
      case "OverQuota":
        return []
    }
  })

export const describeError = (
  lang: Lang,
  error: QuotaError,
  name: string,
  now: number
): { readonly message: string; readonly fix: string | null } => {
  const m = messages[lang]
  const text = m.errors[error._tag] as (e: QuotaError, c: Parameters<Messages["errors"]["Timeout"]>[1]) => {
    readonly message: string
    readonly fix: string | null
  }
  const described = text(error, { name, now, span: (seconds) => span(m, seconds) })
  const hint = error._tag === "HttpError" && error.hint !== undefined ? m.hints[error.hint] : null
  // The provider knows better than the generic advice for a status.
  return hint === null ? described : { ...described, fix: hint }
}

const nameOf = (m: Messages, outcome: Outcome) => (outcome.id === "opencode" ? m.authFileName : outcome.name)

// ---- text

const SGR = { bold: "1", dim: "2", red: "31", green: "32", yellow: "33", cyan: "36" } as const
type Style = keyof typeof SGR

/**
 * Terminal columns of a label: CJK characters take two (get-east-asian-width's Unicode tables). Labels hold no
 * escape codes or emoji, so string-width's segmenter (10+ ms to create at start-up) is not needed.
 */
const stringWidth = (text: string) => {
  let width = 0
  for (const char of text) width += eastAsianWidth(char.codePointAt(0)!)
  return width
}

const padEnd = (text: string, width: number) => text + " ".repeat(Math.max(0, width - stringWidth(text)))

export const renderText = (result: RunResult, options: RenderOptions): string => {
  const m = messages[options.lang]
  const now = result.generatedAt.getTime()
  const paint = (style: Style, text: string) => (options.color ? `\u001b[${SGR[style]}m${text}\u001b[0m` : text)
  const reported = result.outcomes.filter((o) => o._tag === "Reported")
  const failed = result.outcomes.filter((o) => o._tag === "Failed")

  if (result.outcomes.length === 0) return renderNothingConfigured(m, result)

  const sections = reported.map(({ name, report }) => {
    const header = [paint("bold", name), report.account, report.plan].filter((part) => part !== null).join(" · ")
    const rows = report.windows.map((window) => {
      const left = remainingPercent(window)
      const filled = window.unlimited === true ? BAR_WIDTH : Math.round((Math.min(100, Math.max(0, left)) / 100) * BAR_WIDTH)
      const tone: Style = window.unlimited === true ? "cyan" : left <= 20 ? "red" : left <= 50 ? "yellow" : "green"
      return {
        label: windowLabel(m, window),
        bar: paint(tone, "█".repeat(filled)) + paint("dim", "░".repeat(BAR_WIDTH - filled)),
        left: window.unlimited === true ? m.unlimited : left < 0 ? m.overQuota : m.left(percent(left)),
        counts: window.used !== null && window.limit !== null
          ? m.usedOf(number(options.lang, window.used), number(options.lang, window.limit), window.unit === null ? "" : m.unit(window.unit)).trim()
          : "",
        reset: window.resetsAt === null
          ? ""
          : window.resetsAt.getTime() <= now
          ? m.resetDue
          : m.resetsIn(span(m, (window.resetsAt.getTime() - now) / 1000))
      }
    })
    const width = (key: "label" | "left" | "counts") => Math.max(0, ...rows.map((row) => stringWidth(row[key])))
    const [labelWidth, leftWidth, countsWidth] = [width("label"), width("left"), width("counts")]
    const lines = rows.map((row) =>
      [
        `  ${padEnd(row.label, labelWidth)}`,
        row.bar,
        padEnd(row.left, leftWidth),
        ...(countsWidth > 0 ? [padEnd(row.counts, countsWidth)] : []),
        row.reset
      ].join("  ").trimEnd()
    )
    if (lines.length === 0) lines.push(`  ${paint("dim", m.noWindows)}`)
    const warnings = warningsOf(m, options.lang, report).map((w) => `  ${paint("yellow", `⚠ ${w}`)}`)
    const notes = notesOf(m, options.lang, report).map((n) => `  ${n}`)
    return [header, ...lines, ...warnings, ...notes].join("\n")
  })

  if (failed.length > 0) {
    sections.push(
      [
        paint("red", paint("bold", m.failedHeader)),
        ...failed.flatMap((outcome) => {
          const { fix, message } = describeError(options.lang, outcome.error, outcome.name, now)
          const who = [nameOf(m, outcome), outcome.account].filter((part) => part !== null).join(" · ")
          const fixLines = fix === null ? [] : `${m.fixPrefix}${fix}`.split("\n").map((line, i) => `${i === 0 ? "    " : "      "}${line}`)
          return [`  ${paint("red", "✗")} ${who}: ${message}`, ...fixLines]
        })
      ].join("\n")
    )
  }
  return sections.join("\n\n") + "\n"
}

const renderNothingConfigured = (m: Messages, result: RunResult): string => {
  const ways = new Map<string, Array<string>>()
  for (const source of result.sources) {
    const way = source.entry === null ? m.file(source.path) : m.entryIn(source.entry, source.path)
    ways.set(source.name, [...(ways.get(source.name) ?? []), way])
  }
  const exists = new Map(result.sources.map((source) => [source.path, source.exists]))
  return [
    m.nothingConfigured,
    "",
    m.supportedAccounts,
    ...[...ways].map(([name, list]) => `  • ${m.setup(name, list)}`),
    "",
    m.lookedAt,
    ...[...exists].map(([path, found]) => `  ${path} (${found ? m.found : m.notFound})`)
  ].join("\n") + "\n"
}

/** Counts with thousands separators; English and Chinese both group by three with ",". No Intl: see Messages. */
const number = (_lang: Lang, value: number) =>
  (Math.round(value * 100) / 100).toString().replace(/^(-?\d+)/, (digits) => digits.replace(/\B(?=(\d{3})+$)/g, ","))

// ---- JSON

/** Percentages to 0.01: enough for any bar, and free of float noise (100 - 76.3 = 23.700000000000003). */
const hundredths = (value: number) => Math.round(value * 100) / 100

export const toJson = (result: RunResult, lang: Lang): JsonReport => {
  const m = messages[lang]
  const now = result.generatedAt.getTime()
  return {
    version: 1,
    generatedAt: result.generatedAt.toISOString(),
    providers: result.outcomes.map((outcome): JsonProvider => {
      if (outcome._tag === "Failed") {
        const { fix, message } = describeError(lang, outcome.error, outcome.name, now)
        return {
          id: outcome.id,
          name: nameOf(m, outcome),
          account: outcome.account,
          plan: null,
          status: "error",
          windows: [],
          warnings: [],
          notes: [],
          error: {
            tag: outcome.error._tag,
            message,
            fix,
            ...(outcome.error._tag === "HttpError" ? { httpStatus: outcome.error.status } : {})
          }
        }
      }
      const { report } = outcome
      return {
        id: outcome.id,
        name: outcome.name,
        account: report.account,
        plan: report.plan,
        status: "ok",
        windows: report.windows.map((window) => ({
          label: windowLabel(m, window),
          usedPercent: hundredths(window.usedPercent),
          remainingPercent: hundredths(remainingPercent(window)),
          resetsAt: window.resetsAt === null ? null : window.resetsAt.toISOString(),
          windowSeconds: window.windowSeconds,
          used: window.used,
          limit: window.limit,
          unit: window.unit,
          ...(window.unlimited === true ? { unlimited: true as const } : {})
        })),
        warnings: warningsOf(m, lang, report),
        notes: notesOf(m, lang, report),
        error: null
      }
    })
  }
}
