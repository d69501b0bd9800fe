import { paceKey, type Paces } from "../history/insight.js"
import { type Lang, LOCALES } from "../i18n/index.js"
import { nameOf, span, type Tone, toneOf, windowLabel } from "../render/describe.js"
import { tightest } from "../render/line.js"
import { truncate } from "../render/text.js"
import { remainingPercent, type RunResult, windowKey } from "../schema/report.js"

/**
 * What OpenCode's sidebar shows, decided without OpenCode: one compact line per platform (its tightest window as a
 * small bar of what is left, the percent, the reset countdown, `↗` when the history says it runs out before the
 * reset), a failed platform as one short line pointing at `/mystatus`; and the toasts due. src/tui/index.ts only
 * draws these.
 */
export interface SidebarLine {
  readonly text: string
  readonly tone: Tone
}

/** The sidebar is ~40 columns wide: the name is cut to leave room for the bar, the percent and the reset. */
const NAME_WIDTH = 12
const BAR_CELLS = 6

export const sidebarLines = (
  result: RunResult,
  paces: Paces,
  options: { readonly lang: Lang; readonly warnAt: number }
): ReadonlyArray<SidebarLine> => {
  const locale = LOCALES[options.lang]
  const now = result.generatedAt.getTime()
  const ids = [...new Set(result.outcomes.map((outcome) => outcome.id))]
  return ids.flatMap((id): ReadonlyArray<SidebarLine> => {
    const outcomes = result.outcomes.filter((outcome) => outcome.id === id)
    const name = truncate(nameOf(options.lang, outcomes[0]!), NAME_WIDTH)
    const reported = outcomes.flatMap((outcome) =>
      outcome._tag === "Reported" ? outcome.report.windows.map((window) => ({ outcome, window })) : []
    )
    const binding = tightest(reported.map(({ window }) => window))
    if (binding === undefined) {
      return outcomes.some((outcome) => outcome._tag === "Failed") ? [{ text: `${name} ✗ ${locale.report.sidebarFailed}`, tone: "error" }] : []
    }
    const owner = reported.find(({ window }) => window === binding)!.outcome
    if (binding.unlimited === true) return [{ text: `${name} ∞`, tone: "ok" }]
    const left = Math.min(100, Math.max(0, remainingPercent(binding)))
    const filled = Math.round((left / 100) * BAR_CELLS)
    const bar = "█".repeat(filled) + "░".repeat(BAR_CELLS - filled)
    const reset = binding.resetsAt === null || binding.resetsAt.getTime() <= now
      ? ""
      : ` ${span(locale, (binding.resetsAt.getTime() - now) / 1000)}`
    const pace = owner._tag === "Reported" ? paces.get(paceKey(id, owner.accountKey, windowKey(binding))) : undefined
    return [{
      text: `${name} ${bar} ${locale.percent(left)}${reset}${pace?._tag === "RunsOut" ? " ↗" : ""}`,
      tone: toneOf(binding, options.warnAt)
    }]
  })
}

export interface Toast {
  /** One window and level (`low`, `out`): shown once per reset period (`period`, the reset as epoch ms, or null). */
  readonly key: string
  readonly period: number | null
  readonly variant: "warning" | "error"
  readonly message: string
}

/** Resets a platform reports as "seconds from now" move by a second or two between answers: the same period. */
const SAME_PERIOD_MS = 30_000

const samePeriod = (a: number | null, b: number | null) =>
  a === null || b === null ? a === b : Math.abs(a - b) <= SAME_PERIOD_MS

/**
 * The toasts due: a window (not unlimited) used up, or past `warnAt` percent used, not yet shown for its current
 * reset period (`shownFor(key)` gives the period a toast of that key was last shown for, undefined if never). A
 * window past the threshold when first seen is said once too; its next reset period starts afresh.
 */
export const toastsDue = (
  result: RunResult,
  shownFor: (key: string) => number | null | undefined,
  options: { readonly lang: Lang; readonly warnAt: number }
): ReadonlyArray<Toast> => {
  const locale = LOCALES[options.lang]
  const now = result.generatedAt.getTime()
  return result.outcomes.flatMap((outcome) => {
    if (outcome._tag !== "Reported") return []
    return outcome.report.windows.flatMap((window): ReadonlyArray<Toast> => {
      if (window.unlimited === true) return []
      const out = remainingPercent(window) <= 0
      if (!out && window.usedPercent < options.warnAt) return []
      const period = window.resetsAt === null ? null : window.resetsAt.getTime()
      const key = [outcome.id, outcome.accountKey, windowKey(window), out ? "out" : "low"].join("|")
      const last = shownFor(key)
      if (last !== undefined && samePeriod(last, period)) return []
      const name = nameOf(options.lang, outcome)
      const label = windowLabel(options.lang, outcome.id, window)
      const reset = window.resetsAt === null || window.resetsAt.getTime() <= now
        ? null
        : span(locale, (window.resetsAt.getTime() - now) / 1000)
      return [{
        key,
        period,
        variant: out ? "error" : "warning",
        message: out
          ? locale.report.toastOut(name, label, reset)
          : locale.report.toastLow(name, label, locale.percent(remainingPercent(window)))
      }]
    })
  })
}
