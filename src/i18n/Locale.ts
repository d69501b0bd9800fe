import type {
  ApiError,
  AuthFileUnreadable,
  ConfigInvalid,
  CredentialsInvalid,
  DecodeError,
  HttpError,
  NetworkError,
  Timeout,
  TokenExpired
} from "../schema/errors.js"
import type { TypeName } from "../schema/issues.js"
import type { Unit, WindowLength } from "../schema/report.js"

/**
 * A language: words, and how numbers, percentages and durations are written. Nothing here decides *what* to say:
 * the renderer classifies (a window's length, an HTTP status, a network failure) into the tags below, and a locale
 * only words them. A new language is one more file of this type; the compiler lists whatever it is missing.
 */
export interface Locale {
  /**
   * `1 234,5` in French, `1,234.5` in English: no Intl (creating the first Intl object costs ~20 ms of start-up).
   * `fractionDigits` fixes the decimals (an amount of money: `20.50`); otherwise at most two, without trailing zeros.
   */
  readonly number: (value: number, fractionDigits?: number) => string
  /**
   * An amount of money in `currency` (ISO 4217), as this language writes it: `$12.34`, `12,34 $US`, `US$12.34`.
   * Build it with `moneyWith` (sign and decimals are shared).
   */
  readonly money: (amount: number, currency: string) => string
  /** A whole percentage: `75%`, or `75 %` in French. */
  readonly percent: (value: number) => string
  readonly duration: (span: Span) => string
  readonly lessThanAMinute: string
  readonly windowLength: (length: WindowLength) => string
  readonly unit: Readonly<Record<Unit, string>>
  /** Terms in lists ("a, b and c" is the caller's: it joins with `listSeparator`). */
  readonly listSeparator: string
  readonly report: ReportWords
  readonly issue: IssueWords
  readonly cli: CliWords
  readonly errors: ErrorWords
  readonly doctor: DoctorWords
}

export interface Span {
  readonly days: number
  readonly hours: number
  readonly minutes: number
}

export interface ReportWords {
  /** A window that is neither scoped nor has a length. */
  readonly usage: string
  readonly left: (percent: string) => string
  readonly resetsIn: (span: string) => string
  readonly resetDue: string
  /** `unit` is null when the platform does not say what it counts. */
  readonly usedOf: (used: string, limit: string, unit: string | null) => string
  readonly highUsage: (label: string, percent: string) => string
  readonly limitReached: string
  readonly credits: (balance: string, unlimited: boolean) => string
  readonly unlimited: string
  readonly overQuota: string
  readonly overage: (count: string, unit: string) => string
  readonly topModels: (list: string) => string
  readonly billingPeriod: (year: number, month: number) => string
  /** `name`: the platform's display name. */
  readonly usageBasedBilling: (name: string) => string
  /**
   * Pay-as-you-go use beyond the plan this month: `spent` and `limit` are amounts with their currency (`20.50 EUR`),
   * `limit` null when there is no monthly cap.
   */
  readonly extraUsage: (spent: string, limit: string | null) => string
  /** What is left of a spending limit, both amounts from `money`: `$12.34 left of $50.00`. */
  readonly moneyLeft: (left: string, limit: string) => string
  /** A prepaid balance with no limit to be a share of: `Credits left: $12.34`. */
  readonly moneyBalance: (amount: string) => string
  /** Money spent in a period: `$1.20 today`. */
  readonly spentIn: Readonly<Record<"today" | "week" | "month", (amount: string) => string>>
  /** The periods the platform gave, each from `spentIn`, joined with `listSeparator`: `Spent: $1.20 today, ...`. */
  readonly moneySpent: (list: string) => string
  /** The balance exists, but the platform (`name`) does not let this credential read it. */
  readonly balanceHidden: (name: string) => string
  readonly noWindows: string
  readonly failedHeader: string
  /** One failure's line: who failed (platform · account) and the message. */
  readonly failure: (who: string, message: string) => string
  /** Pace from history: 100% is reached in `span`, before the reset in `reset` (spans from `duration`). */
  readonly paceRunsOut: (span: string, reset: string) => string
  /** Pace from history: the reset comes first, with about `percent` used by then. */
  readonly onPace: (percent: string) => string
  /** `--watch`: a platform not asked this time (it said to wait), showing its answer of `span` ago. */
  readonly stale: (span: string) => string
  /** `--watch` on a terminal, under the report: when it asks again, and when the shown answer came (HH:MM:SS). */
  readonly watchFooter: (next: string, last: string) => string
  /** OpenCode's sidebar: a platform that failed, in a few words pointing at the full report. */
  readonly sidebarFailed: string
  /** OpenCode's toast when a window crosses the warning threshold: `left` as `percent` words it. */
  readonly toastLow: (name: string, window: string, left: string) => string
  /** OpenCode's toast when a window is used up; `reset` from `duration`, or null when the platform gives none. */
  readonly toastOut: (name: string, window: string, reset: string | null) => string
  readonly fixPrefix: string
  readonly nothingConfigured: string
  readonly supportedAccounts: string
  /** One platform's ways in, each from `entryIn` or `file`. */
  readonly setup: (name: string, ways: ReadonlyArray<string>) => string
  readonly entryIn: (entry: string, path: string) => string
  readonly lookedAt: string
  /** A file looked at, and whether it is there: `/path/auth.json (not found)`. */
  readonly pathState: (path: string, exists: boolean) => string
  /** A model and how much it used, in a list: `GPT-5 (1,040)`. */
  readonly modelUse: (model: string, used: string) => string
  /** The name failures of OpenCode's auth.json are listed under. */
  readonly authFileName: string
  /** A platform asked for by name that has no account here, and where it was looked for (from `lookedFor`). */
  readonly notConfigured: (name: string, places: ReadonlyArray<string>) => string
  readonly lookedFor: (place: { readonly path: string; readonly entry: string | null; readonly exists: boolean }) => string
}

/** What a field of a credential file or an answer should have held (see `Expected` in schema/issues.ts). */
export interface IssueWords {
  /** `path` is a field path (`accounts[0].refreshToken`) and `what` one of the words below. */
  readonly at: (path: string, what: string) => string
  readonly missing: string
  readonly unexpected: string
  readonly invalid: string
  /** `what`: a type or types joined by `or`, or `oneOf`'s values. */
  readonly expected: (what: string) => string
  readonly types: Readonly<Record<TypeName, string>>
  readonly or: string
  readonly oneOf: (values: ReadonlyArray<string>) => string
  readonly secret: string
  readonly login: string
  readonly timestamp: string
  readonly url: string
  /** Between two issues ("; " in English, "；" in Chinese). */
  readonly separator: string
  /** The ending that says how many issues were not listed, with its own leading space if the language wants one. */
  readonly more: (count: number) => string
}

/**
 * What is wrong with the command line, as data: the CLI finds it, a locale words it. Values are the user's own
 * arguments, already made safe to show (escaped, shortened) by the CLI.
 */
export type ArgProblem =
  | { readonly _tag: "UnknownOption"; readonly flag: string }
  /** A word that is not an option; `provider` is set when it names one (the user meant `--provider` it). */
  | { readonly _tag: "UnexpectedArgument"; readonly value: string; readonly provider: string | undefined }
  /** `flag` is `--provider`, `--lang`, `--format` or one of the numeric options (`ArgContext.ranges`). */
  | { readonly _tag: "MissingValue"; readonly flag: string }
  | { readonly _tag: "TakesNoValue"; readonly flag: string; readonly value: string }
  | { readonly _tag: "NotAProvider"; readonly value: string }
  /** A numeric option's value is not a whole number; its range is `ArgContext.ranges[flag]`. */
  | { readonly _tag: "NotANumber"; readonly flag: string; readonly value: string }
  | { readonly _tag: "OutOfRange"; readonly flag: string; readonly value: string }
  | { readonly _tag: "NotALanguage"; readonly value: string }
  | { readonly _tag: "NotAFormat"; readonly value: string }
  /** Two options that cannot be given together (`--json` and `--format line`). */
  | { readonly _tag: "Conflict"; readonly flag: string; readonly other: string }

/** What a numeric option accepts: whole seconds or a percentage, from `min` to `max`. */
export interface ArgRange {
  readonly unit: "seconds" | "percent"
  readonly min: number
  readonly max: number
}

/** What an argument error may list as accepted. */
export interface ArgContext {
  readonly providers: ReadonlyArray<string>
  readonly options: ReadonlyArray<string>
  readonly languages: ReadonlyArray<string>
  readonly formats: ReadonlyArray<string>
  readonly ranges: Readonly<Record<string, ArgRange>>
}

export interface CliWords {
  /** One line for stderr: the problem, and where to read more. */
  readonly argument: (problem: ArgProblem, context: ArgContext) => string
  /** The backstop fired: the run did not end within `--timeout` plus a second. */
  readonly stopped: (seconds: number) => string
  /** A bug: only the error's class name is shown (its message could hold anything). */
  readonly internalError: (name: string) => string
  /** The plugin was asked for platforms it does not know. */
  readonly unknownProvider: (names: ReadonlyArray<string>, known: ReadonlyArray<string>) => string
  readonly cancelled: string
}

/** `mystatus doctor`'s lines (see src/doctor/Check.ts); failures are worded by `errors`, as in the report. */
export interface DoctorWords {
  /** `variables`: the environment variables that chose the directory (may be empty). */
  readonly found: (path: string, variables: ReadonlyArray<string>) => string
  readonly notUsed: (path: string, variables: ReadonlyArray<string>) => string
  readonly validJson: string
  readonly accounts: (count: number) => string
  /** The platforms with nothing configured, on one line (empty: the words alone, for one check in JSON). */
  readonly notConfigured: (names: ReadonlyArray<string>) => string
  readonly ignored: (entry: string) => string
  /** `span` from the locale's `duration`. */
  readonly expiresIn: (entry: string, span: string) => string
  readonly entry: (entry: string) => string
  readonly override: (variable: string) => string
  readonly setting: (variable: string) => string
  /** `exempt`: the hosts NO_PROXY lists (may be empty). */
  readonly proxy: (variable: string, exempt: ReadonlyArray<string>) => string
  readonly answered: string
  readonly nothingConfigured: Described
  /** The last line: `problems` ✗ and `warnings` ⚠ (both may be 0); `failing`: who the ✗ are about. */
  readonly summary: (problems: number, warnings: number, failing: ReadonlyArray<string>) => string
  /** Who a line is about when it is not a platform. */
  readonly environment: string
  /** The normal report's last line when something failed. */
  readonly suggest: string
}

/** What the renderer tells a locale about the failing platform. */
export interface ErrorContext {
  /** The platform's display name. */
  readonly name: string
  /** A span of seconds in this language ("2h 30m"). */
  readonly span: (seconds: number) => string
  readonly now: number
}

export interface Described {
  readonly message: string
  readonly fix: string
}

/** How the renderer classified an HTTP status: the advice differs. */
export type HttpKind = "refused" | "rateLimited" | "server" | "notFound" | "other"
/** How it classified a network failure: a proxy helps when the host cannot be found, reached or kept. */
export type NetworkKind = "tls" | "refused" | "unreachable" | "other"

export interface ErrorWords {
  /**
   * `recreate`: how to get the file back, from the platform that owns it (its words' `recreateFile`); null for
   * OpenCode's auth.json, whose way back (`opencode auth login`) the locale knows.
   */
  readonly AuthFileUnreadable: (e: AuthFileUnreadable, c: ErrorContext & { readonly recreate: string | null }) => Described
  /**
   * `problem`: the issues, already worded with `issue`. `recreate`: for a platform's own file (no `entry`), how to
   * get it back (its words' `recreateFile`), or null.
   */
  readonly CredentialsInvalid: (
    e: CredentialsInvalid,
    c: ErrorContext & { readonly problem: string; readonly recreate: string | null }
  ) => Described
  readonly ConfigInvalid: (e: ConfigInvalid, c: ErrorContext) => Described
  /** `refresh`: the platform's own way to renew the login, when it is not "use it once in OpenCode". */
  readonly TokenExpired: (e: TokenExpired, c: ErrorContext & { readonly refresh: string | null }) => Described
  /** `status`: "HTTP 401 Unauthorized". */
  readonly HttpError: (e: HttpError, c: ErrorContext & { readonly kind: HttpKind; readonly status: string }) => Described
  readonly ApiError: (e: ApiError, c: ErrorContext) => Described
  /** `problem`: for `shape` the issues worded with `issue`; for `noQuota` the fields looked for. */
  readonly DecodeError: (e: DecodeError, c: ErrorContext & { readonly problem: string }) => Described
  readonly NetworkError: (e: NetworkError, c: ErrorContext & { readonly kind: NetworkKind }) => Described
  readonly Timeout: (e: Timeout, c: ErrorContext) => Described
}

/**
 * A platform's own words in one language, kept in its folder: the names of what it limits (its window scopes), the
 * fixes it knows better than the generic advice, and the failures only it has.
 */
export interface ProviderWords<
  ScopeKey extends string = string,
  HintKey extends string = string,
  ProblemKey extends string = string
> {
  readonly scopes: Readonly<Record<ScopeKey, string>>
  readonly hints: Readonly<Record<HintKey, Hint>>
  readonly problems: Readonly<Record<ProblemKey, (params: ProblemParams, c: ErrorContext) => Described>>
  /** How to renew an expired login, when it is not "use the platform once in OpenCode". */
  readonly refreshLogin?: string
  /** How to recreate the platform's own credential file (not auth.json). */
  readonly recreateFile?: string
  /** The lines of its own `mystatus doctor` checks, by key (see `doctor` on QuotaProvider). */
  readonly checks?: Readonly<Record<string, (params: ProblemParams) => string>>
}

export type ProblemParams = Readonly<Record<string, string | number>>

/**
 * A platform's fix for an HTTP status it knows better: a sentence, or one made from the error when it needs its
 * numbers (when to retry, from Retry-After).
 */
export type Hint = string | ((e: HttpError, c: ErrorContext) => string)

/**
 * `1234.5` → `1 234,5` with `group` " " and `decimal` ","; at most two decimals, or exactly `fractionDigits`. The
 * shared mechanics of every locale's `number`.
 */
export const formatNumber = (value: number, group: string, decimal: string, fractionDigits?: number): string => {
  const [whole, fraction] = (fractionDigits === undefined ? (Math.round(value * 100) / 100).toString() : value.toFixed(fractionDigits))
    .split(".")
  const grouped = whole!.replace(/\B(?=(\d{3})+$)/g, group)
  return fraction === undefined ? grouped : `${grouped}${decimal}${fraction}`
}

/** ISO 4217 currencies without minor units, shown without decimals; every other one with two. */
const NO_MINOR_UNITS = new Set(["BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "VND", "VUV", "XAF", "XOF", "XPF"])

/**
 * A locale's `money` from its `number` and how it places a currency around the digits (`write`): the sign goes in
 * front of the whole (`-$0.50`), and an amount that rounds to zero has none.
 */
export const moneyWith = (
  number: (value: number, fractionDigits?: number) => string,
  write: (digits: string, code: string) => string
) =>
(amount: number, currency: string): string => {
  const code = currency.toUpperCase()
  const decimals = NO_MINOR_UNITS.has(code) ? 0 : 2
  const negative = amount < 0 && Number(Math.abs(amount).toFixed(decimals)) !== 0
  return `${negative ? "-" : ""}${write(number(Math.abs(amount), decimals), code)}`
}

/** A path as one shell word, for a command the user may paste. */
export const shellWord = (path: string): string => (/^[\w@%+=:,./~-]+$/.test(path) ? path : `'${path.replaceAll("'", "'\\''")}'`)
