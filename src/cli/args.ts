import { parseArgs } from "node:util"
import { type Lang, parseLang } from "../i18n/index.js"
import type { ArgProblem, ArgRange } from "../i18n/Locale.js"
import { findProvider, type QuotaProvider } from "../services/QuotaProvider.js"

/** `--timeout` beyond an hour is a typo; it also keeps the process's backstop timer far from setTimeout's limit. */
export const MAX_TIMEOUT_SECONDS = 3600

/** `--watch`: every minute by default; never more often than every 30 s, out of respect for the providers' limits. */
export const DEFAULT_WATCH_SECONDS = 60
export const MIN_WATCH_SECONDS = 30

/** `--max-age` for `--format line`, which status bars call every few seconds; other formats ask afresh by default. */
export const LINE_MAX_AGE_SECONDS = 60

export const DEFAULT_WARN_AT_PERCENT = 80

export const FORMATS = ["text", "json", "line"] as const
export type Format = (typeof FORMATS)[number]

const DAY_SECONDS = 86400

/** The numeric options, and what each accepts (an error names the range; the help shows it). */
export const RANGES: Readonly<Record<string, ArgRange>> = {
  "--timeout": { unit: "seconds", min: 1, max: MAX_TIMEOUT_SECONDS },
  "--watch": { unit: "seconds", min: MIN_WATCH_SECONDS, max: DAY_SECONDS },
  "--max-age": { unit: "seconds", min: 0, max: DAY_SECONDS },
  "--warn-at": { unit: "percent", min: 1, max: 100 },
  "--fail-under": { unit: "percent", min: 0, max: 100 }
}

const OPTIONS = {
  json: { type: "boolean" },
  format: { type: "string" },
  provider: { type: "string", multiple: true },
  timeout: { type: "string" },
  lang: { type: "string" },
  "no-color": { type: "boolean" },
  "warn-at": { type: "string" },
  "fail-under": { type: "string" },
  watch: { type: "string" },
  "max-age": { type: "string" },
  fresh: { type: "boolean" },
  "no-history": { type: "boolean" },
  /** `doctor` only: skip the live queries. */
  offline: { type: "boolean" },
  help: { type: "boolean", short: "h" },
  version: { type: "boolean" }
} as const

/** The report's options, as an error lists them (`--offline` is `doctor`'s alone; `--help` shows it). */
export const OPTION_NAMES: ReadonlyArray<string> = Object.keys(OPTIONS).filter((name) => name !== "offline").map((name) => `--${name}`)

/** Options of the report that `doctor` does not take. */
const REPORT_ONLY = new Set(["provider", "format", "warn-at", "fail-under", "watch", "max-age", "fresh", "no-history"])

export type Command =
  | { readonly _tag: "Help" }
  | { readonly _tag: "Version" }
  /** `lang`: the `--lang` given, when it was valid, for wording the problem. */
  | { readonly _tag: "Invalid"; readonly problem: ArgProblem; readonly lang: Lang | undefined }
  | {
    readonly _tag: "Run"
    readonly format: Format
    /** Provider ids, in the order first asked; empty asks every configured one. */
    readonly only: ReadonlyArray<string>
    readonly timeoutSeconds: number
    readonly lang: Lang | undefined
    readonly noColor: boolean
    /** Used percent from which a window is a warning. */
    readonly warnAt: number
    /** Exit 3 when a window has less than this percent left; null: no threshold. */
    readonly failUnder: number | null
    /** Ask again every so many seconds; null: once. */
    readonly watchSeconds: number | null
    /** Reuse a cached result younger than this (0: never). */
    readonly maxAgeSeconds: number
    /** Record samples for pace (`--no-history` turns it off). */
    readonly history: boolean
  }
  /** `mystatus doctor`: the troubleshooting checklist (src/doctor/). */
  | {
    readonly _tag: "Doctor"
    readonly json: boolean
    readonly offline: boolean
    readonly timeoutSeconds: number
    readonly lang: Lang | undefined
    readonly noColor: boolean
  }

type Named = Pick<QuotaProvider, "id" | "name" | "aliases">

/**
 * The command line, decided without side effects. `--help` and `--version` win wherever they are, even after a
 * mistake (that is when help is wanted). Otherwise the first problem in the order of the arguments is reported.
 *
 * Node's strict parser is the judge of the line's structure; when it refuses, the same line is read again leniently
 * only to name what it refused in our words (its own messages are English and name no accepted values).
 */
export const parseCommandLine = (
  argv: ReadonlyArray<string>,
  providers: ReadonlyArray<Named>,
  defaultTimeoutSeconds: number
): Command => {
  const end = argv.indexOf("--")
  const options = end === -1 ? argv : argv.slice(0, end)
  if (options.some((arg) => arg === "--help" || arg === "-h")) return { _tag: "Help" }
  if (options.includes("--version")) return { _tag: "Version" }

  // `doctor` is a subcommand wherever it stands before `--` (`mystatus --lang fr doctor` reads as naturally as
  // `mystatus doctor --lang fr`). It takes the report's options but `--provider` (it checks every platform), and only
  // it takes `--offline`.
  const doctorAt = options.indexOf("doctor")
  const doctor = doctorAt !== -1
  const args = withWatchValue(doctor ? argv.filter((_, i) => i !== doctorAt) : [...argv])
  let tokens: NonNullable<ReturnType<typeof parseArgs>["tokens"]>
  try {
    tokens = parseArgs({ args, options: OPTIONS, strict: true, allowPositionals: false, tokens: true }).tokens
  } catch {
    tokens = parseArgs({ args, options: OPTIONS, strict: false, allowPositionals: true, tokens: true }).tokens
  }

  let problem: ArgProblem | undefined
  const fail = (found: ArgProblem) => void (problem ??= found)
  let json = false
  let format: Format | undefined
  let noColor = false
  let offline = false
  let fresh = false
  let history = true
  let lang: Lang | undefined
  const only: Array<string> = []
  const numbers: Record<string, number> = {}

  for (const token of tokens) {
    if (token.kind === "option-terminator") continue
    if (token.kind === "positional") {
      fail({ _tag: "UnexpectedArgument", value: token.value, provider: findProvider(providers, token.value)?.id })
      continue
    }
    const name = token.name
    if (!Object.hasOwn(OPTIONS, name) || (name === "offline" && !doctor) || (doctor && REPORT_ONLY.has(name))) {
      fail({ _tag: "UnknownOption", flag: token.rawName })
      continue
    }
    const spec = OPTIONS[name as keyof typeof OPTIONS]
    if (spec.type === "boolean") {
      if (token.value !== undefined) fail({ _tag: "TakesNoValue", flag: token.rawName, value: token.value })
      else if (name === "json") json = true
      else if (name === "no-color") noColor = true
      else if (name === "offline") offline = true
      else if (name === "fresh") fresh = true
      else if (name === "no-history") history = false
      else if (name === "help") return { _tag: "Help" }
      continue
    }
    const flag = `--${name}`
    // `--provider --json`: the next option is not this one's value (strict parsing calls it ambiguous). A negative
    // number is, so that `--timeout -5` is told what it is.
    const ambiguous = !token.inlineValue && token.value?.startsWith("-") === true && !/^-\d/.test(token.value)
    const value = token.value === undefined || ambiguous ? "" : token.value
    const range = RANGES[flag]
    if (name === "provider") {
      const names = value.split(",").map((part) => part.trim()).filter((part) => part !== "")
      if (names.length === 0) fail({ _tag: "MissingValue", flag })
      for (const wanted of names) {
        const provider = findProvider(providers, wanted)
        if (provider === undefined) fail({ _tag: "NotAProvider", value: wanted })
        else if (!only.includes(provider.id)) only.push(provider.id)
      }
    } else if (value.trim() === "") {
      fail({ _tag: "MissingValue", flag })
    } else if (range !== undefined) {
      if (!/^\d+$/.test(value)) fail({ _tag: "NotANumber", flag, value })
      else if (Number(value) < range.min || Number(value) > range.max) fail({ _tag: "OutOfRange", flag, value })
      else numbers[flag] = Number(value)
    } else if (name === "format") {
      const known = FORMATS.find((candidate) => candidate === value.trim().toLowerCase())
      if (known === undefined) fail({ _tag: "NotAFormat", value })
      else format = known
    } else {
      // The usual spellings too: zh, zh_TW.UTF-8, zh-Hant, fr-CA, ko-KR.
      const known = parseLang(value)
      if (known === undefined) fail({ _tag: "NotALanguage", value })
      else lang = known
    }
  }
  if (json && format !== undefined && format !== "json") fail({ _tag: "Conflict", flag: "--json", other: `--format ${format}` })
  // --watch never exits by itself and always asks afresh: a threshold's exit code and the cache have no place in it.
  if (numbers["--watch"] !== undefined) {
    for (const [given, flag] of [[numbers["--fail-under"], "--fail-under"], [numbers["--max-age"], "--max-age"], [fresh ? 0 : undefined, "--fresh"]] as const) {
      if (given !== undefined) fail({ _tag: "Conflict", flag: "--watch", other: flag })
    }
  }

  const timeoutSeconds = numbers["--timeout"] ?? defaultTimeoutSeconds
  if (problem !== undefined) return { _tag: "Invalid", problem: safe(problem), lang }
  if (doctor) return { _tag: "Doctor", json, offline, timeoutSeconds, lang, noColor }
  const chosen: Format = format ?? (json ? "json" : "text")
  return {
    _tag: "Run",
    format: chosen,
    only,
    timeoutSeconds,
    lang,
    noColor,
    warnAt: numbers["--warn-at"] ?? DEFAULT_WARN_AT_PERCENT,
    failUnder: numbers["--fail-under"] ?? null,
    watchSeconds: numbers["--watch"] ?? null,
    maxAgeSeconds: fresh ? 0 : numbers["--max-age"] ?? (chosen === "line" ? LINE_MAX_AGE_SECONDS : 0),
    history
  }
}

/**
 * `--watch` takes an optional value, which Node's parser cannot express: `--watch 45` becomes `--watch=45` and a
 * bare `--watch` (last, or before another option) `--watch=60`. A word that is not a number after it stays a word
 * (and is refused as one).
 */
const withWatchValue = (args: ReadonlyArray<string>): Array<string> => {
  const out: Array<string> = []
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!
    if (arg === "--") return [...out, ...args.slice(i)]
    if (arg !== "--watch") {
      out.push(arg)
      continue
    }
    const next = args[i + 1]
    if (next !== undefined && /^-?\d/.test(next)) {
      out.push(`--watch=${next}`)
      i++
    } else {
      out.push(`--watch=${DEFAULT_WATCH_SECONDS}`)
    }
  }
  return out
}

/**
 * An argument as it is shown back: control and bidi characters escaped (they would act on the terminal), and a long
 * one shortened to its ends, since a long word on a command line may be a pasted token.
 */
const shown = (value: string) => {
  const escaped = value.replace(
    /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`
  )
  const chars = [...escaped]
  return chars.length > 32 ? `${chars.slice(0, 6).join("")}…${chars.slice(-4).join("")}` : escaped
}

const safe = (problem: ArgProblem): ArgProblem => ("value" in problem ? { ...problem, value: shown(problem.value) } : problem)
