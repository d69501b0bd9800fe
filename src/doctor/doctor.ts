import { FileSystem, Path } from "@effect/platform"
import { Clock, Duration, Effect, Option } from "effect"
import { Providers } from "../providers/registry.js"
import { type QuotaError, Timeout, TokenExpired } from "../schema/errors.js"
import { AuthFile } from "../services/AuthFile.js"
import { optionalVariable } from "../services/Http.js"
import { fileError, JsonFileUnreadable, readJsonFile } from "../services/JsonFile.js"
import type { QuotaProvider } from "../services/QuotaProvider.js"
import type { Check, CheckMessage, CheckStatus } from "./Check.js"

export interface DoctorOptions {
  /** Skip the live queries: only files and the environment are looked at. */
  readonly offline: boolean
  readonly timeoutSeconds: number
}

/**
 * Variables that choose where credential files live. One "chose" a path when it is set to an absolute directory the
 * path is inside: decided from the paths the providers already resolved, so doctor cannot disagree with them.
 */
const LOCATION_VARIABLES = ["OPENCODE_CONFIG_DIR", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "CLAUDE_CONFIG_DIR", "APPDATA"]

/** In the order a request looks for them (see proxyFor in services/Http.ts). */
const PROXY_VARIABLES = ["https_proxy", "HTTPS_PROXY", "http_proxy", "HTTP_PROXY", "all_proxy", "ALL_PROXY"]

/**
 * `mystatus doctor`: the FAQ's checklist, run for the user. It only reads: files through `readJsonFile` (the same
 * checks the report makes, not its per-run cache, so a file is judged as it is now), credentials through each
 * provider's own `accounts` (its schemas, so a provider's rules are never restated here) and, unless offline, one
 * query per account through its own `query`. Every step shares one deadline; nothing here fails or throws.
 *
 * Order per credential file: found, readable and JSON, then its entries; a file stops at its first failure.
 */
export const doctor = (
  options: DoctorOptions
): Effect.Effect<ReadonlyArray<Check>, never, Providers | AuthFile | FileSystem.FileSystem | Path.Path> =>
  Effect.gen(function*() {
    const providers = yield* Providers
    const auth = yield* AuthFile
    const path = yield* Path.Path
    const fs = yield* FileSystem.FileSystem
    const seconds = options.timeoutSeconds
    const deadline = (yield* Clock.currentTimeMillis) + seconds * 1000
    const bounded = <A, E>(provider: string, effect: Effect.Effect<A, E>): Effect.Effect<A, E | Timeout> =>
      Effect.flatMap(Clock.currentTimeMillis, (now) =>
        effect.pipe(
          Effect.disconnect,
          Effect.timeoutFail({
            duration: Duration.millis(Math.max(0, deadline - now)),
            onTimeout: () => new Timeout({ provider, seconds })
          })
        ))

    const checks: Array<Check> = []
    const add = (source: string, provider: string, id: string, status: CheckStatus, message: CheckMessage) =>
      void checks.push({ source, provider, id, status, message })

    const chosenBy = Effect.fn(function*(file: string) {
      const chosen: Array<string> = []
      for (const name of LOCATION_VARIABLES) {
        const value = yield* optionalVariable(name)
        if (Option.isSome(value) && path.isAbsolute(value.value) && file.startsWith(path.join(value.value, path.sep))) {
          chosen.push(name)
        }
      }
      return chosen
    })

    // Every file once, in the registry's order (auth.json first), owned by the first provider that reads it.
    const files = new Map<string, string>()
    for (const provider of providers) {
      for (const source of provider.sources) if (!files.has(source.path)) files.set(source.path, provider.id)
    }
    /** auth.json's entries: which are read by no platform, and each OAuth token's expiry. */
    const entryChecks = (entries: Readonly<Record<string, unknown>>, now: number) => {
      const readers = new Map<string, QuotaProvider>()
      for (const provider of providers) {
        for (const key of provider.authKeys ?? provider.sources.filter((s) => s.path === auth.path).map((s) => s.entry ?? "")) {
          if (!readers.has(key)) readers.set(key, provider)
        }
      }
      for (const [key, value] of Object.entries(entries)) {
        const reader = readers.get(key)
        if (reader === undefined) {
          add(auth.path, "opencode", "ignored", "info", { _tag: "Ignored", entry: key })
          continue
        }
        // FAQ 3. OpenCode stores `expires: 0` for logins that do not expire (GitHub's). Expired is a warning only:
        // whether it fails is the platform's to say (OpenAI refuses it; some platforms renew it themselves), and the
        // live check then shows that platform's own verdict.
        const expires = typeof value === "object" && value !== null ? (value as { expires?: unknown }).expires : undefined
        if (typeof expires === "number" && expires > 0) {
          if (expires <= now) {
            add(auth.path, reader.id, "token", "warn", {
              _tag: "Error",
              error: new TokenExpired({ provider: reader.id, expiredAt: expires }),
              account: null
            })
          } else {
            add(auth.path, reader.id, "token", "ok", { _tag: "ExpiresIn", entry: key, seconds: Math.round((expires - now) / 1000) })
          }
        }
      }
    }

    for (const [file, owner] of files) {
      const provider = file === auth.path ? "opencode" : owner
      const variables = yield* chosenBy(file)
      const read = yield* bounded(provider, readJsonFile(file).pipe(Effect.provideService(FileSystem.FileSystem, fs)))
        .pipe(Effect.either)
      if (read._tag === "Right" && Option.isNone(read.right)) {
        add(file, provider, "found", "info", { _tag: "NotUsed", path: file, variables })
        continue
      }
      add(file, provider, "found", "ok", { _tag: "Found", path: file, variables })
      if (read._tag === "Left") {
        const error: QuotaError = read.left._tag === "Timeout" ? read.left : fileError(provider, file, read.left)
        add(file, provider, "readable", "fail", { _tag: "Error", error, account: null })
        continue
      }
      const json = (read.right as Option.Some<unknown>).value
      // auth.json must be an object of entries; a provider's own file is judged by its schema below.
      if (file === auth.path && (typeof json !== "object" || json === null || Array.isArray(json))) {
        add(file, provider, "readable", "fail", {
          _tag: "Error",
          error: fileError(provider, file, new JsonFileUnreadable({ problem: "notObject" })),
          account: null
        })
        continue
      }
      add(file, provider, "readable", "ok", { _tag: "ValidJson" })
      if (file === auth.path) entryChecks(json as Record<string, unknown>, yield* Clock.currentTimeMillis)
    }

    // Each platform's credentials, decoded by the platform itself (FAQ 2 and 8: wrong type, missing field, a key with
    // whitespace); then, online, one query per account.
    // Every platform at once (as the report asks them), so one that hangs does not eat the others' time; lines keep
    // the registry's order.
    const perProvider = yield* Effect.forEach(providers, (provider) =>
      Effect.gen(function*() {
        const own: Array<Check> = []
        const source = provider.sources[0]?.path ?? ""
        const accounts = yield* bounded(provider.id, provider.accounts).pipe(Effect.either)
        if (accounts._tag === "Left") {
          const error = accounts.left
          const where = error._tag === "CredentialsInvalid" ? error.source : error._tag === "AuthFileUnreadable" ? error.path : source
          // An unreadable file was already said once, above.
          if (error._tag !== "AuthFileUnreadable") {
            own.push({ source: where, provider: provider.id, id: "entries", status: "fail", message: { _tag: "Error", error, account: null } })
          }
          return { configured: true, checks: own }
        }
        if (accounts.right.length === 0) {
          own.push({ source, provider: provider.id, id: "entries", status: "info", message: { _tag: "NotConfigured" } })
          return { configured: false, checks: own }
        }
        own.push({ source, provider: provider.id, id: "entries", status: "ok", message: { _tag: "Accounts", count: accounts.right.length } })
        if (provider.doctor !== undefined) own.push(...(yield* bounded(provider.id, provider.doctor).pipe(Effect.orElseSucceed(() => []))))
        if (options.offline) return { configured: true, checks: own }
        const answers = yield* Effect.forEach(accounts.right, (account) =>
          bounded(provider.id, account.query).pipe(
            Effect.match({
              onFailure: (error): Check => ({
                source,
                provider: provider.id,
                id: "live",
                status: "fail",
                message: { _tag: "Error", error, account: account.label }
              }),
              onSuccess: (report): Check => ({
                source,
                provider: provider.id,
                id: "live",
                status: "ok",
                message: { _tag: "Answered", account: report.account ?? account.label }
              })
            })
          ), { concurrency: "unbounded" })
        return { configured: true, checks: [...own, ...answers] }
      }), { concurrency: "unbounded" })
    // The platforms in use first; the unused ones after them (their lines are one in text).
    for (const result of perProvider) if (result.configured) checks.push(...result.checks)
    for (const result of perProvider) if (!result.configured) checks.push(...result.checks)
    const configured = perProvider.filter((result) => result.configured).length
    if (configured === 0) add(auth.path, "opencode", "entries", "fail", { _tag: "NothingConfigured" })

    // The environment: base URL overrides (`*_URL`) send queries elsewhere; other variables are settings; proxies
    // carry the queries. Names only: a value may hold credentials (a proxy's user:password, a client secret).
    const variables = [...new Set(providers.flatMap((provider) => provider.variables))]
    for (const name of variables) {
      if (Option.isSome(yield* optionalVariable(name))) {
        add("environment", "environment", "env", "info", { _tag: name.endsWith("_URL") ? "Override" : "Setting", variable: name })
      }
    }
    // Lower case first, as requests read it (proxyFor in services/Http.ts).
    const lower = yield* optionalVariable("no_proxy")
    const noProxy = Option.getOrElse(Option.isSome(lower) ? lower : yield* optionalVariable("NO_PROXY"), () => "")
    for (const name of PROXY_VARIABLES) {
      if (Option.isSome(yield* optionalVariable(name))) {
        add("environment", "environment", "proxy", "info", {
          _tag: "Proxy",
          variable: name,
          exempt: noProxy.split(/[\s,]+/).filter((host) => host !== "")
        })
      }
    }
    return checks
  })

/** 0 when nothing failed, 1 otherwise. */
export const doctorExitCode = (checks: ReadonlyArray<Check>): 0 | 1 => (checks.some((check) => check.status === "fail") ? 1 : 0)
