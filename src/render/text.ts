import { eastAsianWidth } from "get-east-asian-width"
import { type Lang, LOCALES } from "../i18n/index.js"
import type { Locale } from "../i18n/Locale.js"
import { paceKey, type Paces } from "../history/insight.js"
import { remainingPercent, type RunResult, WARN_AT_PERCENT, windowKey } from "../schema/report.js"
import { describeError, nameOf, notesOf, span, type Tone, toneOf, warningsOf, windowLabel } from "./describe.js"

/**
 * The report as text: a pure function of the run, the language, whether colour is wanted and the terminal's width.
 * What to say comes from describe.ts; this file lays it out.
 */
export interface RenderOptions {
  readonly lang: Lang
  readonly color: boolean
  /**
   * Terminal columns every line must fit in (a TTY's `columns`): headers and window labels are cut with "…", other
   * text is wrapped at word boundaries. Absent: no limit (a pipe or file keeps whole lines for other programs).
   */
  readonly width?: number | undefined
  /**
   * End a report with failures, or with nothing configured, by pointing at `mystatus doctor`. The CLI asks for it;
   * the plugin does not (inside OpenCode there is no `mystatus` command to run).
   */
  readonly suggestDoctor?: boolean
  /** Used percent from which a window is a warning and its bar red (`--warn-at`; default WARN_AT_PERCENT). */
  readonly warnAt?: number
  /** Each window's pace from the history (src/history/insight.ts); a window without one shows none. */
  readonly paces?: Paces
  /** `--watch`: providers shown from an earlier answer (they asked to wait), with when that answer came (epoch ms). */
  readonly stale?: ReadonlyMap<string, number>
}

const BAR_WIDTH = 20

// ---- text

export const SGR = { bold: "1", dim: "2", red: "31", green: "32", yellow: "33", cyan: "36" } as const
/** The colour of each tone (describe.ts `toneOf`). */
export const TONE_COLOR = { ok: "green", warn: "yellow", error: "red" } as const satisfies Record<Tone, keyof typeof SGR>
type Style = keyof typeof SGR

/**
 * Terminal columns of a label: CJK characters take two (get-east-asian-width's Unicode tables). Labels hold no
 * escape codes or emoji, so string-width's segmenter (10+ ms to create at start-up) is not needed.
 */
export const stringWidth = (text: string) => {
  let width = 0
  for (const char of text) width += eastAsianWidth(char.codePointAt(0)!)
  return width
}

const padEnd = (text: string, width: number) => text + " ".repeat(Math.max(0, width - stringWidth(text)))

/** `text` cut to `width` columns, ending in "…" when anything was cut. */
export const truncate = (text: string, width: number): string => {
  if (stringWidth(text) <= width) return text
  let kept = ""
  let used = 0
  for (const char of text) {
    const w = eastAsianWidth(char.codePointAt(0)!)
    if (used + w > width - 1) break
    kept += char
    used += w
  }
  return `${kept.trimEnd()}…`
}

/** A run of text in one style; a line is a list of them, measured and cut before the escape codes go in. */
interface Piece {
  readonly text: string
  readonly style?: Style | undefined
}

const fitPieces = (pieces: ReadonlyArray<Piece>, width: number | undefined): Array<Piece> => {
  const total = pieces.reduce((sum, piece) => sum + stringWidth(piece.text), 0)
  if (width === undefined || total <= width) return [...pieces]
  const out: Array<Piece> = []
  let room = width
  for (const piece of pieces) {
    const w = stringWidth(piece.text)
    if (w < room) {
      out.push(piece)
      room -= w
      continue
    }
    out.push({ text: truncate(piece.text, room), style: piece.style })
    break
  }
  return out
}

/** CJK text breaks between characters, but not before closing punctuation nor after opening punctuation. */
const NO_BREAK_BEFORE = new Set([..."，。、：；！？）」』】》〉,.:;!?)]}…%"])
const NO_BREAK_AFTER = new Set([..."（「『【《〈([{"])
const isWide = (char: string) => eastAsianWidth(char.codePointAt(0)!) === 2

/**
 * Greedy word wrap by terminal columns: breaks at spaces, and around CJK characters (which have no spaces between
 * words). A word wider than the line (a long path or URL) is kept whole on its own line: cutting it would break
 * copying it, so the terminal wraps it instead.
 */
export const wrap = (text: string, first: number, rest: number): Array<string> => {
  const words: Array<string> = []
  let word = ""
  let previous = ""
  for (const char of text) {
    const breakHere = word !== "" && (
      previous === " "
        ? char !== " "
        : char !== " " && (isWide(char) || isWide(previous)) && !NO_BREAK_BEFORE.has(char) && !NO_BREAK_AFTER.has(previous)
    )
    if (breakHere) {
      words.push(word)
      word = ""
    }
    word += char
    previous = char
  }
  if (word !== "") words.push(word)
  const lines: Array<string> = []
  let line = ""
  for (const next of words) {
    const room = lines.length === 0 ? first : rest
    if (line !== "" && stringWidth((line + next).trimEnd()) > room) {
      lines.push(line.trimEnd())
      line = next.trimStart()
    } else {
      line += next
    }
  }
  lines.push(line.trimEnd())
  return lines
}

/**
 * A paragraph under a prefix: wrapped to the width, continuation lines indented by `indent` spaces. The prefix
 * is painted apart, so it may carry colour.
 */
const block = (
  prefix: { readonly plain: string; readonly painted: string },
  text: string,
  indent: number,
  width: number | undefined,
  paintText: (line: string) => string = (line) => line
): Array<string> => {
  if (width === undefined) return [prefix.painted + paintText(text)]
  const lines = wrap(text, Math.max(1, width - stringWidth(prefix.plain)), Math.max(1, width - indent))
  return lines.map((line, i) => (i === 0 ? prefix.painted : " ".repeat(indent)) + paintText(line))
}

/** Below these, a window row stops shrinking its label and bar and is cut at its end instead. */
const MIN_LABEL_WIDTH = 8
const MIN_BAR_WIDTH = 5
const NARROW_BAR_WIDTH = 10

/**
 * The columns of a provider's window rows in `width`, giving up the least telling first: bar length (down to 5),
 * then the counts (the percentage says nearly as much), then whole labels (cut with "…", down to 8). What still does
 * not fit is cut at the end of the line.
 */
const fitRow = (
  width: number | undefined,
  widths: { readonly label: number; readonly counts: number; readonly fixed: number }
): { readonly labelWidth: number; readonly barWidth: number; readonly countsWidth: number } => {
  const full = { labelWidth: widths.label, barWidth: BAR_WIDTH, countsWidth: widths.counts }
  if (width === undefined) return full
  const room = (counts: number) => width - widths.fixed - (counts > 0 ? 2 + counts : 0)
  for (const counts of widths.counts > 0 ? [widths.counts, 0] : [0]) {
    const bar = room(counts) - widths.label
    if (bar >= MIN_BAR_WIDTH) return { labelWidth: widths.label, barWidth: Math.min(BAR_WIDTH, bar), countsWidth: counts }
  }
  const labelWidth = Math.max(Math.min(widths.label, MIN_LABEL_WIDTH), room(0) - NARROW_BAR_WIDTH)
  return { labelWidth, barWidth: Math.max(MIN_BAR_WIDTH, Math.min(NARROW_BAR_WIDTH, room(0) - labelWidth)), countsWidth: 0 }
}

export const renderText = (result: RunResult, options: RenderOptions): string => {
  const warnAt = options.warnAt ?? WARN_AT_PERCENT
  const locale = LOCALES[options.lang]
  const m = locale.report
  const now = result.generatedAt.getTime()
  const width = options.width !== undefined && options.width > 0 ? options.width : undefined
  const paint = (style: Style, text: string) => (options.color ? `\u001b[${SGR[style]}m${text}\u001b[0m` : text)
  const draw = (pieces: ReadonlyArray<Piece>) =>
    fitPieces(pieces, width).map((piece) => (piece.style === undefined ? piece.text : paint(piece.style, piece.text))).join("")
  const plain = (text: string) => ({ plain: text, painted: text })
  const reported = result.outcomes.filter((o) => o._tag === "Reported")
  const failed = result.outcomes.filter((o) => o._tag === "Failed")
  const notConfigured = result.notConfigured.map((provider) =>
    block(plain(""), m.notConfigured(provider.name, provider.sources.map(m.lookedFor)), 2, width).join("\n")
  )

  if (result.outcomes.length === 0) {
    const suggestion = options.suggestDoctor === true ? `\n\n${locale.doctor.suggest}` : ""
    return (notConfigured.length > 0 ? notConfigured.join("\n") : renderNothingConfigured(m, result, width)) + suggestion + "\n"
  }

  const sections = reported.map(({ accountKey, id, name, report }) => {
    const answeredAt = options.stale?.get(id)
    const header = [
      draw([
        { text: name, style: "bold" },
        { text: [report.account, report.plan].filter((part) => part !== null).map((part) => ` · ${part}`).join("") }
      ]),
      ...(answeredAt === undefined
        ? []
        : block(plain("  "), m.stale(span(locale, (now - answeredAt) / 1000)), 4, width, (line) => paint("dim", line)))
    ].join("\n")
    const rows = report.windows.map((window) => {
      const left = remainingPercent(window)
      // A spending limit reads as money, never as a bare count: what is left of it, and what was spent.
      const money = window.currency === undefined || window.used === null || window.limit === null
        ? null
        : {
          left: locale.money(window.limit - window.used, window.currency),
          used: locale.money(window.used, window.currency),
          limit: locale.money(window.limit, window.currency)
        }
      return {
        label: windowLabel(options.lang, id, window),
        // What remains, 0 to 1 of the bar; unlimited is a full bar.
        fill: window.unlimited === true ? 1 : Math.min(100, Math.max(0, left)) / 100,
        tone: (window.unlimited === true ? "cyan" : TONE_COLOR[toneOf(window, warnAt)]) as Style,
        left: window.unlimited === true
          ? m.unlimited
          : left < 0
          ? m.overQuota
          : money !== null
          ? m.moneyLeft(money.left, money.limit)
          : m.left(locale.percent(left)),
        counts: money !== null
          ? m.usedOf(money.used, money.limit, null)
          : window.used !== null && window.limit !== null
          ? m.usedOf(locale.number(window.used), locale.number(window.limit), window.unit === null ? null : locale.unit[window.unit])
          : "",
        reset: window.resetsAt === null
          ? ""
          : window.resetsAt.getTime() <= now
          ? m.resetDue
          : m.resetsIn(span(locale, (window.resetsAt.getTime() - now) / 1000))
      }
    })
    const widest = (key: "label" | "left" | "counts" | "reset") => Math.max(0, ...rows.map((row) => stringWidth(row[key])))
    const [leftWidth, resetWidth] = [widest("left"), widest("reset")]
    const { barWidth, countsWidth, labelWidth } = fitRow(width, {
      label: widest("label"),
      counts: widest("counts"),
      // Indent, gaps, and the columns that are never dropped: what is left, when it resets.
      fixed: 2 + 2 + 2 + leftWidth + (resetWidth > 0 ? 2 + resetWidth : 0)
    })
    const lines = rows.map((row) => {
      const filled = Math.round(row.fill * barWidth)
      const pieces: Array<Piece> = [
        { text: `  ${padEnd(truncate(row.label, labelWidth), labelWidth)}  ` },
        { text: "█".repeat(filled), style: row.tone },
        { text: "░".repeat(barWidth - filled), style: "dim" },
        { text: `  ${padEnd(row.left, leftWidth)}` },
        ...(countsWidth > 0 ? [{ text: `  ${padEnd(row.counts, countsWidth)}` }] : []),
        ...(row.reset === "" ? [] : [{ text: `  ${row.reset}` }])
      ]
      // Trailing padding is not drawn: empty columns at the end go, and the last one drawn loses its padding.
      while (pieces.length > 1 && pieces[pieces.length - 1]!.text.trim() === "") pieces.pop()
      const last = pieces[pieces.length - 1]!
      pieces[pieces.length - 1] = { ...last, text: last.text.trimEnd() }
      return draw(pieces)
    })
    if (lines.length === 0) lines.push(...block(plain("  "), m.noWindows, 4, width, (line) => paint("dim", line)))
    const warnings = warningsOf(options.lang, id, report, warnAt).flatMap((w) =>
      block({ plain: "  ⚠ ", painted: `  ${paint("yellow", "⚠")} ` }, w, 4, width, (line) => paint("yellow", line))
    )
    const paces = report.windows.flatMap((window) => {
      const pace = options.paces?.get(paceKey(id, accountKey, windowKey(window)))
      if (pace === undefined) return []
      const said = pace._tag === "RunsOut"
        ? m.paceRunsOut(span(locale, pace.inSeconds), span(locale, pace.resetInSeconds))
        : m.onPace(locale.percent(pace.atResetPercent))
      const tone: Style = pace._tag === "RunsOut" ? "yellow" : "dim"
      return block({ plain: "  ↗ ", painted: `  ${paint(tone, "↗")} ` }, m.failure(windowLabel(options.lang, id, window), said), 4, width)
    })
    const notes = notesOf(options.lang, name, report).flatMap((n) => block(plain("  "), n, 4, width))
    return [header, ...lines, ...warnings, ...paces, ...notes].join("\n")
  })

  if (notConfigured.length > 0) sections.push(notConfigured.join("\n"))

  if (failed.length > 0) {
    sections.push(
      [
        paint("red", paint("bold", width === undefined ? m.failedHeader : truncate(m.failedHeader, width))),
        ...failed.flatMap((outcome) => {
          const { fix, message } = describeError(options.lang, outcome.error, outcome.name, now)
          const who = [nameOf(options.lang, outcome), outcome.account].filter((part) => part !== null).join(" · ")
          const fixLines = fix === "" ? [] : fix.split("\n").flatMap((paragraph, i) =>
            i === 0 ? block(plain(`    ${m.fixPrefix}`), paragraph, 6, width) : block(plain("      "), paragraph, 6, width)
          )
          return [...block({ plain: "  ✗ ", painted: `  ${paint("red", "✗")} ` }, m.failure(who, message), 4, width), ...fixLines]
        })
      ].join("\n")
    )
    if (options.suggestDoctor === true) sections.push(locale.doctor.suggest)
  }
  return sections.join("\n\n") + "\n"
}

const renderNothingConfigured = (m: Locale["report"], result: RunResult, width: number | undefined): string => {
  const ways = new Map<string, Array<string>>()
  for (const source of result.sources) {
    const way = source.entry === null ? source.path : m.entryIn(source.entry, source.path)
    ways.set(source.name, [...(ways.get(source.name) ?? []), way])
  }
  const exists = new Map(result.sources.map((source) => [source.path, source.exists]))
  const para = (prefix: string, text: string, indent: number) => block({ plain: prefix, painted: prefix }, text, indent, width)
  return [
    ...para("", m.nothingConfigured, 0),
    "",
    ...para("", m.supportedAccounts, 0),
    ...[...ways].flatMap(([name, list]) => para("  • ", m.setup(name, list), 4)),
    "",
    m.lookedAt,
    ...[...exists].map(([path, found]) => `  ${m.pathState(path, found)}`)
  ].join("\n")
}
