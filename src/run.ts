import { FileSystem } from "@effect/platform"
import { Clock, Deferred, Duration, Effect, Layer, Option, Request } from "effect"
import { Timeout } from "./schema/errors.js"
import { type NotConfigured, type Outcome, remainingPercent, type RunResult } from "./schema/report.js"
import { Providers } from "./providers/registry.js"
import { AuthFile } from "./services/AuthFile.js"
import { CredentialFiles } from "./services/JsonFile.js"
import type { QuotaProvider } from "./services/QuotaProvider.js"

export interface RunOptions {
  /** Provider ids to ask; empty asks every configured one. */
  readonly only: ReadonlyArray<string>
  readonly timeoutSeconds: number
  /** Provider ids not to ask this time (`--watch`'s back-off after a 429): as if they were not selected. */
  readonly exclude?: ReadonlyArray<string>
}

export const DEFAULT_TIMEOUT_SECONDS = 10

/** A file's existence (for "where we looked") may take this long even when the run's deadline has passed. */
const EXISTS_AT_LEAST = Duration.millis(200)

/** Accounts of one provider asked at once: Google users can have dozens, and each waits on the network, not the CPU. */
const ACCOUNT_CONCURRENCY = 64

/** The longest chains' head start is at most this: a leader slow to read its credentials must not hold the rest. */
const HEAD_START = Duration.millis(20)

/**
 * The whole job: every selected provider at once, each account under its own timeout, then every outcome kept
 * (a failure is an outcome too). Never fails: whatever goes wrong is in the result. Each run reads the credential
 * files afresh (at most once each): its own request cache, see `CredentialFiles`.
 */
export const run = (options: RunOptions): Effect.Effect<RunResult, never, Providers | AuthFile | FileSystem.FileSystem> =>
  Effect.flatMap(
    Request.makeCache({ capacity: 256, timeToLive: Duration.infinity }),
    (cache) => job(options).pipe(Effect.withRequestCaching(true), Effect.withRequestCache(cache))
  )

const job = (options: RunOptions): Effect.Effect<RunResult, never, Providers | AuthFile | FileSystem.FileSystem> =>
  Effect.gen(function*() {
    const auth = yield* AuthFile
    const fs = yield* FileSystem.FileSystem
    const providers = (yield* Providers).filter((p) =>
      (options.only.length === 0 || options.only.includes(p.id)) && !(options.exclude ?? []).includes(p.id)
    )
    const seconds = options.timeoutSeconds
    // One deadline for the run: reading a provider's credentials and asking each of its accounts share it, so the
    // report is ready by `timeout` whatever each step takes (the CLI's backstop fires just after).
    const deadline = (yield* Clock.currentTimeMillis) + seconds * 1000
    const untilDeadline = Effect.map(Clock.currentTimeMillis, (now) => Duration.millis(Math.max(0, deadline - now)))

    // `disconnect` lets the timeout answer at once even if the interrupted request is slow to wind down.
    const bounded = <A, E>(provider: QuotaProvider, effect: Effect.Effect<A, E>) =>
      Effect.flatMap(untilDeadline, (duration) =>
        effect.pipe(
          Effect.disconnect,
          Effect.timeoutFail({ duration, onTimeout: () => new Timeout({ provider: provider.id, seconds }) })
        ))

    /** `started` runs once the accounts are known (or failed), as their queries begin. */
    const ask = (provider: QuotaProvider, started: Effect.Effect<unknown>): Effect.Effect<ReadonlyArray<Outcome> | "notConfigured"> =>
      bounded(provider, provider.accounts).pipe(
        Effect.ensuring(Effect.fork(Effect.zipRight(Effect.yieldNow(), started))),
        Effect.flatMap((accounts): Effect.Effect<ReadonlyArray<Outcome> | "notConfigured"> =>
          accounts.length === 0 ? Effect.succeed("notConfigured") : Effect.forEach(accounts, (account) =>
            bounded(provider, account.query).pipe(
              Effect.match({
                onFailure: (error): Outcome => ({
                  _tag: "Failed",
                  id: provider.id,
                  name: provider.name,
                  account: account.label,
                  accountKey: account.key,
                  error
                }),
                onSuccess: (report): Outcome => ({
                  _tag: "Reported",
                  id: provider.id,
                  name: provider.name,
                  accountKey: account.key,
                  report: { ...report, account: report.account ?? account.label }
                })
              })
            ), { concurrency: ACCOUNT_CONCURRENCY })
        ),
        Effect.catchAll((error) =>
          Effect.succeed<ReadonlyArray<Outcome>>([{ _tag: "Failed", id: provider.id, name: provider.name, account: null, accountKey: null, error }])
        )
      )

    // All at once, but the longest chains of requests (Google's token, then its quota) get a head start: the CPU is
    // one thread, and the report waits for the slowest answer. The others start once the leaders' credentials are read
    // and their first requests under way (at most HEAD_START later), and their answers, which come sooner, no longer
    // queue ahead of the leaders' first answer. Outcomes keep the providers' order.
    const longest = Math.max(1, ...providers.map((provider) => provider.roundTrips))
    const leaders = longest > 1 ? providers.filter((provider) => provider.roundTrips === longest) : []
    const away = yield* Deferred.make<void>()
    const lead = (provider: QuotaProvider) =>
      ask(provider, Deferred.succeed(away, undefined))
    const follow = (provider: QuotaProvider) =>
      Deferred.await(away).pipe(Effect.timeout(HEAD_START), Effect.ignore, Effect.zipRight(ask(provider, Effect.void)))
    if (leaders.length === 0) yield* Deferred.succeed(away, undefined)
    const answers = new Map(
      yield* Effect.forEach(
        providers,
        (provider) => Effect.map(leaders.includes(provider) ? lead(provider) : follow(provider), (o) => [provider, o] as const),
        { concurrency: "unbounded" }
      )
    )
    const outcomes = providers.flatMap((provider) => {
      const answer = answers.get(provider)
      return answer === undefined || answer === "notConfigured" ? [] : answer
    })
    // Bounded too (a stalled mount must not hold the report back), with a little time even past the deadline.
    const exists = (path: string) =>
      Effect.flatMap(untilDeadline, (duration) =>
        fs.exists(path).pipe(
          Effect.orElseSucceed(() => false),
          Effect.disconnect,
          Effect.timeoutTo({ duration: Duration.max(duration, EXISTS_AT_LEAST), onTimeout: () => false, onSuccess: (found) => found })
        ))
    const sourcesOf = (provider: QuotaProvider) =>
      Effect.forEach(provider.sources, (source) =>
        Effect.map(exists(source.path), (found) => ({ name: provider.name, ...source, exists: found })))
    // Asked for by name and absent: said, not silently dropped.
    const notConfigured: Array<NotConfigured> = options.only.length === 0 ? [] : yield* Effect.forEach(
      providers.filter((provider) => answers.get(provider) === "notConfigured"),
      (provider) => Effect.map(sourcesOf(provider), (sources) => ({ id: provider.id, name: provider.name, sources }))
    )
    // Cached: the providers already read it. Reported once here, and only if a provider asked uses it.
    const authProblem = providers.some((p) => p.sources.some((source) => source.path === auth.path))
      ? yield* auth.load.pipe(Effect.flip, Effect.option)
      : Option.none()
    const all: Array<Outcome> = [
      ...Option.match(authProblem, {
        onNone: () => [],
        onSome: (error): Array<Outcome> => [{ _tag: "Failed", id: "opencode", name: "OpenCode", account: null, accountKey: null, error }]
      }),
      ...outcomes
    ]
    // Only the "nothing configured" help needs to know which files exist.
    const sources = all.length > 0 || notConfigured.length > 0
      ? []
      : (yield* Effect.forEach(providers, sourcesOf)).flat()
    return { generatedAt: new Date(yield* Clock.currentTimeMillis), outcomes: all, sources, notConfigured }
  })

/** 0 all answered, 1 something failed (the report still printed), 2 nothing (of what was asked) is configured. */
/**
 * 0 every account answered; 1 one failed; 2 nothing configured; 3 a window has less than `failUnder` percent left
 * (`--fail-under`). 1 wins over 3: with an account missing, "nothing is under the threshold" cannot be known, and a
 * script checking the threshold sees a non-zero code either way.
 */
export const exitCode = (result: RunResult, failUnder: number | null = null): 0 | 1 | 2 | 3 =>
  result.outcomes.length === 0
    ? 2
    : result.outcomes.some((o) => o._tag === "Failed")
    ? 1
    : failUnder !== null && underThreshold(result, failUnder)
    ? 3
    : 0

/** Whether any limited window has less than `percentLeft` left. */
export const underThreshold = (result: RunResult, percentLeft: number): boolean =>
  result.outcomes.some((o) =>
    o._tag === "Reported" && o.report.windows.some((w) => w.unlimited !== true && remainingPercent(w) < percentLeft)
  )

/** Everything `run` needs but the platform (HttpClient, FileSystem, Path), which each face provides. */
export const layer = Providers.layer.pipe(
  Layer.provideMerge(AuthFile.layer),
  Layer.provideMerge(CredentialFiles.layer)
)
