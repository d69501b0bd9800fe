import { type Lang, LOCALES } from "../i18n/index.js"
import { lengthKey, remainingPercent, type RunResult, type Window, windowLength } from "../schema/report.js"
import { nameOf, toneOf } from "./describe.js"
import { SGR, TONE_COLOR } from "./text.js"

/**
 * `--format line`: one short line for a status bar (tmux, starship, waybar, i3blocks, a prompt), e.g.
 * `OpenAI 5h 67% · Claude 5h 40% · GitHub Copilot 24% · Google Antigravity Gemini 3 Pro 60%`.
 *
 * Decisions:
 * - One item per platform, in the report's order: its tightest window (least left) over all its accounts, as the
 *   percent *left*. A platform with several windows names the one that binds: a model's window by the model's name
 *   (`Google Antigravity Claude Sonnet 4.5 0%`: the model alone would read as another platform), others by their
 *   length as the JSON's window keys name it (`5h`, `weekly`, `monthly`).
 * - Unlimited shows `∞` (only when nothing else binds), over quota `0%`. Money windows (OpenRouter) count like any
 *   other: the share of the limit left.
 * - A platform whose every account failed is `Name ✗`, never a message (the full report says why). One that partly
 *   failed shows what its other accounts reported.
 * - Colour only when asked (the CLI asks on a TTY): red from `warnAt` percent used, yellow from half used.
 */
export interface LineOptions {
  readonly lang: Lang
  readonly color: boolean
  readonly warnAt: number
}

const SEPARATOR = " · "

const paint = (color: boolean, style: keyof typeof SGR, text: string) => (color ? `\u001b[${SGR[style]}m${text}\u001b[0m` : text)

/** The window that binds: the least left; unlimited ones only when nothing else is there. */
export const tightest = (windows: ReadonlyArray<Window>): Window | undefined =>
  [...windows].sort((a, b) =>
    a.unlimited === true && b.unlimited !== true
      ? 1
      : b.unlimited === true && a.unlimited !== true
      ? -1
      : remainingPercent(a) - remainingPercent(b)
  )[0]

export const renderLine = (result: RunResult, options: LineOptions): string => {
  const locale = LOCALES[options.lang]
  const ids = [...new Set(result.outcomes.map((outcome) => outcome.id))]
  return ids.map((id) => {
    const outcomes = result.outcomes.filter((outcome) => outcome.id === id)
    const name = nameOf(options.lang, outcomes[0]!)
    const windows = outcomes.flatMap((outcome) => (outcome._tag === "Reported" ? outcome.report.windows : []))
    const binding = tightest(windows)
    if (binding === undefined) {
      return outcomes.every((outcome) => outcome._tag === "Failed") ? `${name} ${paint(options.color, "red", "✗")}` : name
    }
    const which = binding.scope?._tag === "Named"
      ? binding.scope.name
      : binding.windowSeconds === null
      ? null
      : lengthKey(windowLength(binding.windowSeconds))
    const label = windows.length > 1 && which !== null ? `${name} ${which}` : name
    if (binding.unlimited === true) return `${label} ∞`
    const left = Math.max(0, remainingPercent(binding))
    return `${label} ${paint(options.color, TONE_COLOR[toneOf(binding, options.warnAt)], locale.percent(left))}`
  }).join(SEPARATOR)
}
