import { FileSystem, Path } from "@effect/platform"
import type { PlatformError } from "@effect/platform/Error"
import { Clock, Context, Effect, Either, Layer, Option, Schema } from "effect"
import { absoluteDirFromEnv, homeDir } from "../services/Paths.js"
import { readBounded } from "../services/Http.js"
import { parseJsonText } from "../services/JsonText.js"
import { fingerprint } from "../services/QuotaProvider.js"
import { AccountReport, MAX_RETRY_AFTER_SECONDS, Outcome, RunResult, Window } from "../schema/report.js"

/**
 * A short-lived cache of whole runs, for status bars that ask every few seconds (`--max-age`), and the providers'
 * back-off (a 429 with Retry-After). Files live in `$XDG_CACHE_HOME/mystatus/` (only when absolute), else
 * `~/.cache/mystatus/`:
 *
 * - `result-<fingerprint of the selection>.json`, one per selection of providers (the sorted, de-duplicated ids;
 *   empty = all): `{ version: 1, at, only, result }`, `at` in epoch milliseconds, dates as ISO strings, errors as
 *   their tagged fields. `only` is kept so that a hash collision reads as a miss, not as another selection's result.
 * - `not-before.json`: `{ version: 1, providers: [{ id, at }] }`. The back-off is a fact about a provider, not about
 *   a selection, so it has a file of its own: every selection that includes the provider sees it, and a result
 *   file is never rewritten for a back-off alone.
 *
 * A cache is best effort: nothing here fails or logs. A missing, stale, corrupt or unreadable file is a miss; a write
 * that cannot happen is skipped. Writes are atomic (a temp file in the same directory, renamed over the target), so
 * readers and concurrent writers, in this process or others, see a whole file: the last writer's.
 */

/** A cache file is a few kilobytes; anything larger is not ours, and is neither read nor written. */
export const MAX_CACHE_BYTES = 1024 * 1024

/** Clocks of the processes sharing a cache may be adjusted between runs; a file further ahead was not made by a run. */
const FUTURE_TOLERANCE_MS = 60_000

/** A back-off longer than this is not believed: a wrong clock or a bad Retry-After must not silence a provider for long. */
export const MAX_BACK_OFF_MS = MAX_RETRY_AFTER_SECONDS * 1000

/** A run read back from the cache, and when it was stored (epoch milliseconds). */
export interface Cached {
  readonly result: RunResult
  readonly at: number
}

export class ResultCache extends Context.Tag("mystatus/ResultCache")<ResultCache, {
  /**
   * The result stored for this selection of provider ids (order and repeats do not matter; empty = all), when it is
   * younger than `maxAgeSeconds` (0 or less: always none) and not more than a minute in the future; otherwise none.
   */
  readonly get: (only: ReadonlyArray<string>, maxAgeSeconds: number) => Effect.Effect<Option.Option<Cached>>
  /** Stores a run's result for this selection, stamped with the current time. Never fails: a failed write is skipped. */
  readonly set: (only: ReadonlyArray<string>, result: RunResult) => Effect.Effect<void>
  /** Providers not to be asked before a time (epoch milliseconds), by id: only the times still ahead. */
  readonly notBefore: Effect.Effect<ReadonlyMap<string, number>>
  /**
   * Records that `providerId` must not be asked before `epochMs` (replacing an earlier time; at most a day ahead).
   * Never fails. Writers in one process are serialized; across processes the last writer wins, so a back-off set at
   * the same instant by another process may be lost (the provider then answers 429 again, and is recorded again).
   */
  readonly setNotBefore: (providerId: string, epochMs: number) => Effect.Effect<void>
}>() {
  static readonly layer: Layer.Layer<ResultCache, never, FileSystem.FileSystem | Path.Path> = Layer.effect(
    ResultCache,
    Effect.gen(function*() {
      const fs = yield* FileSystem.FileSystem
      const path = yield* Path.Path
      const dir = yield* cacheDir
      const files = makeFiles(fs, path, dir)
      const backOffLock = yield* Effect.makeSemaphore(1)
      const notBeforeFile = path.join(dir, "not-before.json")

      const readBackOff = (now: number): Effect.Effect<Map<string, number>> =>
        files.read(notBeforeFile, BackOffFile).pipe(
          Effect.map(Option.match({
            onNone: () => new Map<string, number>(),
            onSome: (file) =>
              new Map(file.providers.filter(({ at }) => at > now && at <= now + MAX_BACK_OFF_MS).map(({ at, id }) => [id, at]))
          }))
        )

      return ResultCache.of({
        get: (only, maxAgeSeconds) =>
          Effect.gen(function*() {
            if (!(maxAgeSeconds > 0)) return Option.none()
            const selection = normalize(only)
            const file = yield* files.read(path.join(dir, resultFileName(selection)), CacheFile)
            const now = yield* Clock.currentTimeMillis
            return Option.filter(file, ({ at, only: stored }) =>
              sameSelection(stored, selection) && at <= now + FUTURE_TOLERANCE_MS && now - at < maxAgeSeconds * 1000
            ).pipe(Option.map(({ at, result }): Cached => ({ result, at })))
          }),
        set: (only, result) =>
          Effect.gen(function*() {
            const selection = normalize(only)
            const at = yield* Clock.currentTimeMillis
            yield* files.write(resultFileName(selection), CacheFile, { version: 1, at, only: selection, result })
          }),
        notBefore: Effect.flatMap(Clock.currentTimeMillis, readBackOff),
        setNotBefore: (providerId, epochMs) =>
          Effect.gen(function*() {
            const now = yield* Clock.currentTimeMillis
            if (!Number.isFinite(epochMs)) return
            const current = yield* readBackOff(now)
            current.set(providerId, Math.min(epochMs, now + MAX_BACK_OFF_MS))
            const providers = [...current].filter(([, at]) => at > now).map(([id, at]) => ({ id, at }))
            yield* files.write("not-before.json", BackOffFile, { version: 1, providers })
          }).pipe(backOffLock.withPermits(1))
      })
    })
  )
}

/** `$XDG_CACHE_HOME/mystatus` when that is absolute, else `~/.cache/mystatus`, on every OS. */
const cacheDir: Effect.Effect<string, never, Path.Path> = Effect.gen(function*() {
  const path = yield* Path.Path
  const xdg = yield* absoluteDirFromEnv("XDG_CACHE_HOME")
  const home = yield* homeDir
  return path.join(Option.getOrElse(xdg, () => path.join(home, ".cache")), "mystatus")
})

const normalize = (only: ReadonlyArray<string>): ReadonlyArray<string> => [...new Set(only)].sort()

const sameSelection = (a: ReadonlyArray<string>, b: ReadonlyArray<string>): boolean =>
  a.length === b.length && a.every((id, i) => id === b[i])

/** JSON of the list, not a joined string: ids may hold any character, and ["a,b"] is not ["a", "b"]. */
const resultFileName = (selection: ReadonlyArray<string>): string => `result-${fingerprint(JSON.stringify(selection))}.json`

/**
 * The run as JSON: the report's own schemas with every date as an ISO string. Errors are their classes' schemas, so
 * they encode to their tagged fields and decode to instances again (what `describeError` and `Effect.fail` expect).
 */
const WindowJson = Schema.Struct({ ...Window.fields, resetsAt: Schema.NullOr(Schema.Date) })
const OutcomeJson = Schema.Union(
  Schema.Struct({
    ...Outcome.members[0].fields,
    report: Schema.Struct({ ...AccountReport.fields, windows: Schema.Array(WindowJson) })
  }),
  Outcome.members[1]
)
const RunResultJson = Schema.Struct({ ...RunResult.fields, generatedAt: Schema.Date, outcomes: Schema.Array(OutcomeJson) })
// A date added to the report without a JSON form here stops this compiling, instead of making every read a miss.
const runResultJson: Schema.Schema<RunResult, typeof RunResultJson.Encoded> = RunResultJson

const CacheFile = Schema.Struct({
  version: Schema.Literal(1),
  at: Schema.Finite,
  only: Schema.Array(Schema.String),
  result: runResultJson
})

const BackOffFile = Schema.Struct({
  version: Schema.Literal(1),
  // A list, not an object keyed by id: an id is data, and "__proto__" must stay an id.
  providers: Schema.Array(Schema.Struct({ id: Schema.String, at: Schema.Finite }))
})

/** Reading and writing whole cache files in `dir`; every failure is a miss or a skipped write. */
const makeFiles = (fs: FileSystem.FileSystem, path: Path.Path, dir: string) => ({
  read: <A, I>(file: string, schema: Schema.Schema<A, I>): Effect.Effect<Option.Option<A>> =>
    readCacheFile(fs, file).pipe(
      Effect.map(Option.flatMap((text) =>
        Either.getRight(parseJsonText(text)).pipe(Option.flatMap(Schema.decodeUnknownOption(schema)))
      )),
      Effect.orElseSucceed(Option.none)
    ),
  write: <A, I>(name: string, schema: Schema.Schema<A, I>, value: NoInfer<A>): Effect.Effect<void> =>
    Schema.encode(schema)(value).pipe(
      Effect.map((encoded) => JSON.stringify(encoded)),
      Effect.filterOrFail((text) => new TextEncoder().encode(text).length <= MAX_CACHE_BYTES),
      Effect.flatMap((text) => writeAtomic(fs, path, dir, name, text)),
      Effect.ignore,
      // Best effort to the end: a bug here must cost a cache write, never the run that asked for it.
      Effect.catchAllDefect(() => Effect.void)
    )
})

/**
 * The file's text if it is a regular file of at most MAX_CACHE_BYTES. Looked at before it is opened (a FIFO would
 * block the read), and counted while read (it may have been replaced since): the bounded reader bodies use.
 */
const readCacheFile = (fs: FileSystem.FileSystem, file: string): Effect.Effect<Option.Option<string>, PlatformError> =>
  Effect.gen(function*() {
    const info = yield* fs.stat(file)
    if (info.type !== "File" || Number(info.size) > MAX_CACHE_BYTES) return Option.none()
    return Either.getRight(yield* readBounded(fs.stream(file), MAX_CACHE_BYTES))
  })

/**
 * Writes `dir/name` whole or not at all: a temp file of this process's own (pid + random) in the same directory (the
 * same file system, so the rename is atomic), renamed over the target. The temp file never outlives a failure.
 */
const writeAtomic = (
  fs: FileSystem.FileSystem,
  path: Path.Path,
  dir: string,
  name: string,
  text: string
): Effect.Effect<void, PlatformError> =>
  Effect.gen(function*() {
    yield* fs.makeDirectory(dir, { recursive: true, mode: 0o700 })
    const target = path.join(dir, name)
    const temp = path.join(dir, `.${name}.${process.pid}.${randomHex()}.tmp`)
    yield* fs.writeFileString(temp, text, { flag: "wx", mode: 0o600 }).pipe(
      Effect.tapError((error) => isAlreadyExists(error) ? Effect.void : removeQuietly(fs, temp))
    )
    yield* fs.rename(temp, target).pipe(
      // An empty directory where the file belongs (made by hand, or by an older bug) is cleared; anything in it
      // is not ours to delete, and the write is skipped.
      Effect.catchAll((error) =>
        clearEmptyDirectory(fs, target).pipe(
          Effect.flatMap((cleared) => cleared ? fs.rename(temp, target) : Effect.fail(error))
        )
      ),
      Effect.tapError(() => removeQuietly(fs, temp))
    )
  })

const clearEmptyDirectory = (fs: FileSystem.FileSystem, target: string): Effect.Effect<boolean, PlatformError> =>
  Effect.gen(function*() {
    const info = yield* fs.stat(target)
    if (info.type !== "Directory" || (yield* fs.readDirectory(target)).length > 0) return false
    yield* fs.remove(target, { recursive: true })
    return true
  })

const removeQuietly = (fs: FileSystem.FileSystem, file: string) => Effect.ignore(fs.remove(file, { force: true }))

const isAlreadyExists = (error: PlatformError): boolean => error._tag === "SystemError" && error.reason === "AlreadyExists"

const randomHex = (): string =>
  Array.from(crypto.getRandomValues(new Uint8Array(8)), (byte) => byte.toString(16).padStart(2, "0")).join("")
