import type { Check, CheckStatus } from "../doctor/Check.js"
import { type Lang, LOCALES } from "../i18n/index.js"
import type { Described } from "../i18n/Locale.js"
import { wordsOf } from "../providers/registry.js"
import { describeError, errorTag, span } from "./describe.js"

/**
 * `mystatus doctor`'s output: one line per check, the fix under each ✗ and ⚠ that has one, then a summary.
 *
 * Marks: ✓ ⚠ ✗ · by default, in a pipe too (the report prints ✗ there as well, and logs keep UTF-8). `plain` gives
 * `[ok] [warn] [FAIL] [info]`: the CLI asks for it when NO_COLOR is non-empty, `--no-color` is given or TERM is
 * "dumb", the settings under which people ask for output that any terminal or grep shows as is. No colour either way:
 * the marks carry the meaning.
 */
const MARKS: Readonly<Record<CheckStatus, string>> = { ok: "✓", warn: "⚠", fail: "✗", info: "·" }
const PLAIN_MARKS: Readonly<Record<CheckStatus, string>> = { ok: "[ok]", warn: "[warn]", fail: "[FAIL]", info: "[info]" }

export interface DoctorContext {
  readonly lang: Lang
  readonly now: number
  /** Display names by provider id. */
  readonly names: ReadonlyMap<string, string>
}

/** A check's words: its message, the fix ("" when none) and its stable tag (a failure goes by its error's tag). */
export const describeCheck = (check: Check, context: DoctorContext): Described & { readonly tag: string } => {
  const locale = LOCALES[context.lang]
  const words = locale.doctor
  const name = context.names.get(check.provider) ?? check.provider
  const message = check.message
  const plainly = (text: string) => ({ tag: message._tag, message: text, fix: "" })
  switch (message._tag) {
    case "Found":
      return plainly(words.found(message.path, message.variables))
    case "NotUsed":
      return plainly(words.notUsed(message.path, message.variables))
    case "ValidJson":
      return plainly(words.validJson)
    case "Accounts":
      return plainly(words.accounts(message.count))
    case "NotConfigured":
      return plainly(words.notConfigured([]))
    case "Ignored":
      return plainly(words.ignored(message.entry))
    case "ExpiresIn":
      return plainly(words.expiresIn(message.entry, span(locale, message.seconds)))
    case "Entry":
      return plainly(words.entry(message.entry))
    case "Override":
      return plainly(words.override(message.variable))
    case "Setting":
      return plainly(words.setting(message.variable))
    case "Proxy":
      return plainly(words.proxy(message.variable, message.exempt))
    case "Answered":
      return plainly(words.answered)
    case "Provider": {
      const own = wordsOf(check.provider)?.[context.lang].checks?.[message.key]
      return plainly(own === undefined ? message.key : own(message.params))
    }
    case "NothingConfigured":
      return { tag: message._tag, ...words.nothingConfigured }
    case "Error":
      return { tag: errorTag(message.error), ...describeError(context.lang, message.error, name, context.now) }
  }
}

/** Who a line is about: the platform (and account), OpenCode's auth.json, or the environment (joined to its message
 * as the report joins a failure, in the language's punctuation). */
const whoOf = (check: Check, context: DoctorContext): string => {
  const locale = LOCALES[context.lang]
  const name = check.provider === "opencode"
    ? locale.report.authFileName
    : check.provider === "environment"
    ? locale.doctor.environment
    : context.names.get(check.provider) ?? check.provider
  const account = check.message._tag === "Error" || check.message._tag === "Answered" ? check.message.account : null
  return account === null ? name : `${name} · ${account}`
}

const counts = (checks: ReadonlyArray<Check>) => ({
  problems: checks.filter((check) => check.status === "fail").length,
  warnings: checks.filter((check) => check.status === "warn").length
})

export const renderDoctorText = (
  checks: ReadonlyArray<Check>,
  context: DoctorContext & { readonly plain: boolean }
): string => {
  const locale = LOCALES[context.lang]
  const marks = context.plain ? PLAIN_MARKS : MARKS
  // The platforms not used share one line, where the first of them stood: a user of two platforms reads two sections,
  // not eight "Not configured".
  const unused = checks.filter((check) => check.message._tag === "NotConfigured")
  const lines = checks.flatMap((check) => {
    if (check.message._tag === "NotConfigured") {
      if (check !== unused[0]) return []
      return [`${marks.info} ${locale.doctor.notConfigured(unused.map((c) => whoOf(c, context)))}`]
    }
    const { fix, message } = describeCheck(check, context)
    const line = `${marks[check.status]} ${locale.report.failure(whoOf(check, context), message)}`
    return (check.status === "fail" || check.status === "warn") && fix !== ""
      ? [line, `    ${locale.report.fixPrefix}${fix}`]
      : [line]
  })
  const { problems, warnings } = counts(checks)
  const failing = [...new Set(checks.filter((check) => check.status === "fail").map((check) => whoOf(check, context)))]
  return [...lines, "", locale.doctor.summary(problems, warnings, failing)].join("\n")
}

/** The same as data: each check with its words in `lang`, and the counts. */
export const doctorJson = (checks: ReadonlyArray<Check>, context: DoctorContext) => ({
  ...counts(checks),
  checks: checks.map((check) => {
    const { fix, message, tag } = describeCheck(check, context)
    return {
      source: check.source,
      provider: check.provider,
      id: check.id,
      status: check.status,
      tag,
      message,
      fix: fix === "" ? null : fix
    }
  })
})
