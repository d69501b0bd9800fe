import { CommandExecutor, HttpClient, HttpClientRequest, Path } from "@effect/platform"
import { Clock, Config, Effect, Equal, Layer, Option, Redacted, Schema } from "effect"
import type { Check } from "../../doctor/Check.js"
import { AnyEntry } from "../../schema/auth.js"
import { CredentialsInvalid, HttpError, TokenExpired } from "../../schema/errors.js"
import { issuesOf } from "../../schema/issues.js"
import type { AccountReport, Note, Scope, Window } from "../../schema/report.js"
import { AuthFile } from "../../services/AuthFile.js"
import { baseUrl, type JsonClient, jsonClient } from "../../services/Http.js"
import { CredentialFiles, readCredentialFile } from "../../services/JsonFile.js"
import { absoluteDirFromEnv, homeDir } from "../../services/Paths.js"
import { ProviderTag, type QuotaProvider } from "../../services/QuotaProvider.js"
import { titleCase } from "../../services/Text.js"
import { keychainService, readKeychainItem } from "./keychain.js"
import { type ClaudeAiOauth, ClaudeCredentials, type ExtraUsage, OAuthUsage, type UsageLimit, UsageWindow } from "./schema.js"
import { words } from "./words.js"

/** Who the platform is, for the registry, the report and `--provider`. */
const PLATFORM = { id: "claude", name: "Claude", aliases: ["anthropic", "claude-code"], roundTrips: 1 } as const
const ID = PLATFORM.id
const AUTH_KEYS = ["anthropic"]
const BASE_URL = "MYSTATUS_ANTHROPIC_BASE_URL"
const VERSION_VARIABLE = "MYSTATUS_CLAUDE_CODE_VERSION"
/** `auto` (the default: on macOS only), `off`, or `on` (wherever a `security` command is found: tests use a fake). */
const KEYCHAIN_VARIABLE = "MYSTATUS_CLAUDE_KEYCHAIN"

/**
 * The endpoint answers a claude-code User-Agent only (429 otherwise, persistently: provider-api-facts §2.2). The
 * newest Claude Code when this was written (`npm view @anthropic-ai/claude-code version`, 2026-11-25); peers send
 * 2.1.0 to 2.1.270. Not asked of an installed `claude`: that would start a program on every run.
 */
const CLAUDE_CODE_VERSION = "2.1.331"
const USAGE_PATH = "/api/oauth/usage"
const QUOTA_FIELDS = ["five_hour", "seven_day", "seven_day_opus", "seven_day_sonnet", "seven_day_oauth_apps", "limits", "extra_usage"] as const

const FIVE_HOURS = 5 * 3600
const WEEK = 7 * 86400

/**
 * Where a login was found: its name in a report's label (product names, the same in every language) and the
 * account's `accountKey`. A place, not a token's fingerprint: Claude Code rotates the refresh token at every refresh,
 * and the answer names no account, so the place is what stays the same from run to run.
 */
const PLACES = {
  claudeCode: { label: "Claude Code", key: "claude-code" },
  opencode: { label: "OpenCode", key: "opencode" },
  keychain: { label: "macOS Keychain", key: "keychain" }
} as const
type Place = keyof typeof PLACES

/** One login as found in one place. */
interface Login {
  readonly place: Place
  readonly access: Redacted.Redacted<string>
  readonly refresh: Redacted.Redacted<string> | undefined
  /** Epoch ms; null when the place does not say. */
  readonly expiresAt: number | null
  readonly plan: string | null
}

/**
 * Claude subscription limits (Pro, Max, Team) of every Claude login found: Claude Code's own
 * (`$CLAUDE_CONFIG_DIR/.credentials.json`, else `~/.claude/.credentials.json`), OpenCode's `anthropic` OAuth entry
 * (written there by third-party auth plugins since OpenCode 1.3.0), and on macOS Claude Code's Keychain item. The
 * same login found in several places is one account; an `anthropic` API key has no subscription: not configured.
 */
export const makeClaude = Effect.gen(function*() {
  const auth = yield* AuthFile
  const files = yield* CredentialFiles
  const http = yield* HttpClient.HttpClient
  const executor = yield* CommandExecutor.CommandExecutor
  const path = yield* Path.Path
  const home = yield* homeDir
  const configDir = yield* absoluteDirFromEnv("CLAUDE_CONFIG_DIR")
  const credentialsPath = path.join(Option.getOrElse(configDir, () => path.join(home, ".claude")), ".credentials.json")
  const service = keychainService(Option.getOrNull(configDir))

  const fromFile = readCredentialFile(ID, credentialsPath, ClaudeCredentials).pipe(
    Effect.provideService(CredentialFiles, files),
    Effect.map(Option.match({ onNone: () => [], onSome: (content) => loginsOf("claudeCode", content) }))
  )

  const fromOpenCode = auth.entry(ID, AUTH_KEYS, AnyEntry).pipe(
    Effect.map((entry): Array<Login> =>
      Option.isSome(entry) && entry.value.value.type === "oauth"
        ? [{ place: "opencode", access: entry.value.value.access, refresh: entry.value.value.refresh, expiresAt: entry.value.value.expires, plan: null }]
        : []
    )
  )

  const fromKeychain = Effect.gen(function*() {
    if (!(yield* keychainWanted)) return []
    const item = yield* readKeychainItem(service, Option.getOrUndefined(yield* pathVariable)).pipe(
      Effect.provideService(CommandExecutor.CommandExecutor, executor)
    )
    if (Option.isNone(item)) return []
    // JSON of another shape is Claude Code's item gone wrong, not "no login here": said, naming the item.
    const content = yield* Schema.decodeUnknown(ClaudeCredentials)(item.value).pipe(
      Effect.mapError((error) => new CredentialsInvalid({ provider: ID, source: `macOS Keychain item "${service}"`, issues: issuesOf(error) }))
    )
    return loginsOf("keychain", content)
  })

  // A place that cannot be read fails the platform, as Copilot's PAT file does: Claude Code is broken there too.
  const everyLogin = Effect.map(Effect.all([fromFile, fromOpenCode, fromKeychain], { concurrency: "unbounded" }), (found) => found.flat())

  const accounts = Effect.gen(function*() {
    const found = yield* everyLogin
    if (found.length === 0) return []
    const root = yield* baseUrl(ID, BASE_URL, "https://api.anthropic.com")
    const userAgent = `claude-code/${yield* claudeCodeVersion}`
    const logins = withoutLeftover(found, yield* Clock.currentTimeMillis)
    return sameAccounts(logins).map((copies) => {
      const freshest = copies.reduce((best, copy) => ((copy.expiresAt ?? -1) > (best.expiresAt ?? -1) ? copy : best))
      const secrets = copies.flatMap((copy) => (copy.refresh === undefined ? [copy.access] : [copy.access, copy.refresh]))
      return {
        label: copies.map((copy) => PLACES[copy.place].label).join(" + "),
        key: PLACES[copies[0]!.place].key,
        query: query(
          jsonClient(http, { provider: ID, baseUrl: root, secrets }),
          freshest,
          copies.find((copy) => copy.plan !== null)?.plan ?? null,
          userAgent
        )
      }
    })
  })

  return {
    ...PLATFORM,
    sources: [{ path: auth.path, entry: AUTH_KEYS[0]! }, { path: credentialsPath, entry: null }],
    variables: [BASE_URL, VERSION_VARIABLE, KEYCHAIN_VARIABLE],
    accounts,
    // FAQ 3 offline: each Claude Code login's expiry (OpenCode's entry is already judged with auth.json). Expired is a
    // warning: mystatus never refreshes it (the refresh token rotates), Claude Code does on its next use.
    doctor: Effect.gen(function*() {
      const now = yield* Clock.currentTimeMillis
      return (yield* everyLogin).flatMap((login): ReadonlyArray<Check> => {
        if (login.place === "opencode" || login.expiresAt === null) return []
        const source = login.place === "keychain" ? `macOS Keychain item "${service}"` : credentialsPath
        return [
          login.expiresAt <= now
            ? {
              source,
              provider: ID,
              id: "token",
              status: "warn",
              message: { _tag: "Error", error: new TokenExpired({ provider: ID, expiredAt: login.expiresAt }), account: PLACES[login.place].label }
            }
            : {
              source,
              provider: ID,
              id: "token",
              status: "ok",
              message: { _tag: "ExpiresIn", entry: PLACES[login.place].label, seconds: Math.round((login.expiresAt - now) / 1000) }
            }
        ]
      })
    }).pipe(Effect.orElseSucceed(() => []))
  } satisfies QuotaProvider
})

export class Claude extends ProviderTag("mystatus/providers/Claude", { id: ID, words })<Claude>() {
  static readonly layer = Layer.effect(Claude, makeClaude)
}

const keychainWanted = Config.string(KEYCHAIN_VARIABLE).pipe(
  Config.withDefault("auto"),
  Effect.orElseSucceed(() => "auto"),
  Effect.map((mode) => {
    const said = mode.trim().toLowerCase()
    return ["on", "1", "true", "yes"].includes(said) || (!["off", "0", "false", "no"].includes(said) && process.platform === "darwin")
  })
)

/** The PATH `security` is looked up on: the environment's (the CLI's is the process's; tests give their own). */
const pathVariable = Config.option(Config.string("PATH")).pipe(Effect.orElseSucceed(() => Option.none<string>()))

/** A value that is not a version (a stray space, a newline that would break the header) is ignored. */
const claudeCodeVersion = Config.string(VERSION_VARIABLE).pipe(
  Config.validate({ message: "must be a version", validation: (version) => /^[\w.+-]{1,40}$/.test(version) }),
  Config.withDefault(CLAUDE_CODE_VERSION),
  Effect.orElseSucceed(() => CLAUDE_CODE_VERSION)
)

const loginsOf = (place: Place, content: ClaudeCredentials): Array<Login> => {
  const oauth = content.claudeAiOauth
  if (oauth == null) return []
  return [{ place, access: oauth.accessToken, refresh: oauth.refreshToken ?? undefined, expiresAt: oauth.expiresAt ?? null, plan: planOf(oauth) }]
}

/** "max" with tier "default_claude_max_20x" → "Max 20x". */
const planOf = (oauth: ClaudeAiOauth): string | null => {
  if (oauth.subscriptionType == null || oauth.subscriptionType === "") return null
  const multiple = oauth.rateLimitTier?.match(/_(\d+x)$/)?.[1]
  return [titleCase(oauth.subscriptionType), multiple].filter((part) => part !== undefined).join(" ")
}

const isExpired = (login: Login, now: number) => login.expiresAt !== null && login.expiresAt <= now

/** The same login: the same access token, or the same refresh token (one copy may not have been refreshed yet). */
const sameLogin = (a: Login, b: Login) =>
  Equal.equals(a.access, b.access) || (a.refresh !== undefined && b.refresh !== undefined && Equal.equals(a.refresh, b.refresh))

/** One list per account, in the order the places were read, each with every copy of its login. */
const sameAccounts = (logins: ReadonlyArray<Login>): Array<Array<Login>> => {
  const accounts: Array<Array<Login>> = []
  for (const login of logins) {
    const account = accounts.find((copies) => copies.some((copy) => sameLogin(copy, login)))
    if (account === undefined) accounts.push([login])
    else account.push(login)
  }
  return accounts
}

/**
 * Claude Code keeps one login per config dir, in the file or (macOS) the Keychain item. When both hold one, they
 * differ, and only one is still valid, the other is a leftover of an earlier login (Claude Code refreshed the one it
 * uses), not a second account: dropped, as openusage falls back over an expired source (`docs/providers/claude.md`).
 * OpenCode's entry belongs to another program and is never dropped so.
 */
const withoutLeftover = (logins: ReadonlyArray<Login>, now: number): ReadonlyArray<Login> => {
  const own = logins.filter((login) => login.place !== "opencode")
  if (own.length !== 2 || sameLogin(own[0]!, own[1]!)) return logins
  const live = own.filter((login) => !isExpired(login, now))
  return live.length === 1 ? logins.filter((login) => login.place === "opencode" || login === live[0]) : logins
}

/** An HttpError of one of these statuses, to be told with the platform's own fix. */
const HINTS: Readonly<Record<number, keyof typeof words.en.hints>> = { 401: "signInAgain", 403: "profileScope", 429: "rateLimited" }

const query = Effect.fn("mystatus/claude/query")(function*(client: JsonClient, login: Login, plan: string | null, userAgent: string) {
  // Never refreshed: the refresh token rotates, and spending it here would log the user out of Claude Code.
  if (isExpired(login, yield* Clock.currentTimeMillis)) return yield* new TokenExpired({ provider: ID, expiredAt: login.expiresAt! })
  const usage = yield* client.json(
    HttpClientRequest.get(USAGE_PATH).pipe(
      HttpClientRequest.bearerToken(login.access),
      HttpClientRequest.setHeaders({ "anthropic-beta": "oauth-2025-04-20", "user-agent": userAgent })
    ),
    OAuthUsage,
    { fields: QUOTA_FIELDS, present: (answer) => QUOTA_FIELDS.some((field) => answer[field] !== undefined) }
  ).pipe(
    Effect.catchIf(
      (error): error is HttpError => error._tag === "HttpError" && HINTS[error.status] !== undefined,
      (error) => new HttpError({ ...error, hint: HINTS[error.status]! })
    )
  )
  return toReport(usage, plan)
})

const known = (key: keyof typeof words.en.scopes): Scope => ({ _tag: "Known", key })

/** The windows with a field of their own, in report order (the plan's two first). */
const FLAT_WINDOWS = [
  ["five_hour", null, FIVE_HOURS],
  ["seven_day", null, WEEK],
  ["seven_day_opus", known("opus"), WEEK],
  ["seven_day_sonnet", known("sonnet"), WEEK],
  ["seven_day_oauth_apps", known("oauthApps"), WEEK]
] as const satisfies ReadonlyArray<readonly [keyof OAuthUsage, Scope | null, number]>

/** Fields that are not windows, or are read as such above. */
const READ_FIELDS: ReadonlySet<string> = new Set([...FLAT_WINDOWS.map(([field]) => field), "limits", "extra_usage"])

const toReport = (usage: OAuthUsage, plan: string | null): AccountReport => {
  const window = (scope: Scope | null, windowSeconds: number | null, usedPercent: number, reset: string | null | undefined): Window => ({
    scope,
    windowSeconds,
    usedPercent,
    resetsAt: parseReset(reset),
    used: null,
    limit: null,
    unit: null
  })
  const flat = FLAT_WINDOWS.flatMap(([field, scope, seconds]) => {
    const answer = usage[field]
    return answer?.utilization == null ? [] : [window(scope, seconds, answer.utilization, answer.resets_at)]
  })
  const shown = (scope: Scope | null, seconds: number | null) =>
    flat.some((w) => w.windowSeconds === seconds && scopeName(w.scope) === scopeName(scope))
  // `limits` repeats the plan's windows (used when the flat field is null) and adds per-model ones (Fable).
  const fromLimits: Array<Window> = []
  for (const limit of usage.limits ?? []) {
    const named = limitScope(limit)
    if (named === undefined || limit.percent == null) continue
    const seconds = limitLength(limit)
    if (shown(named, seconds) || fromLimits.some((w) => w.windowSeconds === seconds && scopeName(w.scope) === scopeName(named))) continue
    fromLimits.push(window(named, seconds, limit.percent, limit.resets_at))
  }
  const notes: Array<Note> = []
  const extra = extraUsage(usage.extra_usage)
  if (extra !== null) notes.push(extra.note)
  const [planWide, scoped] = [[...flat, ...fromLimits].filter((w) => w.scope === null), [...flat, ...fromLimits].filter((w) => w.scope !== null)]
  return {
    account: null,
    plan,
    windows: [
      // The plan's own windows first, shortest first, whichever field they came from.
      ...planWide.sort((a, b) => (a.windowSeconds ?? 0) - (b.windowSeconds ?? 0)),
      ...scoped,
      ...unknownWindows(usage, window),
      ...(extra?.window === undefined ? [] : [extra.window])
    ],
    notes
  }
}

/** What a scope is called, to find the same limit twice ("Opus" in `limits` and `seven_day_opus`). */
const scopeName = (scope: Scope | null): string =>
  scope === null ? "" : (scope._tag === "Known" ? words.en.scopes[scope.key as keyof typeof words.en.scopes] ?? scope.key : scope.name).toLowerCase()

/**
 * A `limits` entry's scope: null for the plan's session and weekly limits, the model's (or product surface's) display
 * name for a scoped one; `undefined` for an unscoped kind we do not know (nothing to label it by).
 */
const limitScope = (limit: UsageLimit): Scope | null | undefined => {
  const name = limit.scope?.model?.display_name ?? limit.scope?.surface?.display_name
  if (name != null && name.trim() !== "") return { _tag: "Named", name: name.trim() }
  return limit.kind === "session" || limit.kind === "weekly_all" ? null : undefined
}

const limitLength = (limit: UsageLimit): number | null => {
  const group = limit.group ?? limit.kind ?? ""
  return group === "session" ? FIVE_HOURS : group.startsWith("weekly") ? WEEK : null
}

/**
 * Windows under keys this code does not know (`seven_day_cowork`, `iguana_necktie`): shown with a label made from
 * the key, weekly when it says `seven_day_`. Codename slots that say nothing (0 %, no reset: live answers carry
 * several, e.g. `nimbus_quill`) are left out, as are keys that are not identifiers and values that are not windows.
 */
const unknownWindows = (
  usage: OAuthUsage,
  window: (scope: Scope, seconds: number | null, used: number, reset: string | null | undefined) => Window
): Array<Window> =>
  Object.entries(usage).flatMap(([key, value]) => {
    if (READ_FIELDS.has(key) || !/^[a-z][a-z0-9_]{0,39}$/.test(key)) return []
    const answer = Option.getOrUndefined(Schema.decodeUnknownOption(UsageWindow)(value))
    if (answer?.utilization == null || (answer.utilization === 0 && answer.resets_at == null)) return []
    const [, length, rest] = key.match(/^(seven_day|five_hour)_(.+)$/) ?? []
    return [window({ _tag: "Named", name: titleCase(rest ?? key) }, length === undefined ? null : length === "seven_day" ? WEEK : FIVE_HOURS, answer.utilization, answer.resets_at)]
  })

/**
 * Extra usage, when turned on: the money spent this month as a note (minor units → major: 2050 → 20.50, in
 * `decimal_places` digits when the answer says), and a window of the monthly cap when there is one (0 or null: none).
 */
const extraUsage = (extra: ExtraUsage | null | undefined): { readonly note: Note; readonly window?: Window } | null => {
  if (extra?.is_enabled !== true || extra.used_credits == null) return null
  const decimals = extra.decimal_places != null && Number.isInteger(extra.decimal_places) && extra.decimal_places >= 0 && extra.decimal_places <= 4
    ? extra.decimal_places
    : 2
  const spent = extra.used_credits / 10 ** decimals
  const limit = extra.monthly_limit != null && extra.monthly_limit > 0 ? extra.monthly_limit / 10 ** decimals : null
  const currency = extra.currency != null && /^[A-Za-z]{3}$/.test(extra.currency) ? extra.currency.toUpperCase() : null
  const note: Note = { _tag: "ExtraUsage", spent, limit, currency, decimals }
  if (limit === null) return { note }
  return {
    note,
    window: {
      scope: known("extraUsage"),
      windowSeconds: null,
      usedPercent: extra.utilization ?? (spent / limit) * 100,
      resetsAt: null,
      used: null,
      limit: null,
      unit: null
    }
  }
}

/** ISO-8601 with milliseconds and `Z`, or microseconds and `+00:00`: digits past milliseconds are cut first. */
const parseReset = (value: string | null | undefined): Date | null => {
  if (value == null) return null
  const time = Date.parse(value.replace(/(\.\d{3})\d+/, "$1"))
  return Number.isNaN(time) ? null : new Date(time)
}
