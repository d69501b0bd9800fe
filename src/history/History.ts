import { FileSystem, Path } from "@effect/platform"
import type { PlatformError } from "@effect/platform/Error"
import { Clock, Context, Effect, Layer, Option, Random, Schema } from "effect"
import { pid } from "node:process"
import { type RunResult, windowKey } from "../schema/report.js"
import { absoluteDirFromEnv, homeDir } from "../services/Paths.js"

/**
 * One reading of one window: when (`at`, epoch ms), whose (`provider` id, `account` = the outcome's `accountKey`),
 * which (`window` = `windowKey`), how much was used, and when that window resets (epoch ms, null when unknown).
 * Stored as one JSON object per line; nothing in it is a secret.
 */
export const Sample = Schema.Struct({
  at: Schema.Finite,
  provider: Schema.String,
  account: Schema.String,
  window: Schema.String,
  usedPercent: Schema.Finite,
  resetsAt: Schema.NullOr(Schema.Finite)
})
export type Sample = typeof Sample.Type

const DAY_MS = 86_400_000

/** Samples older than this are gone: dropped by `read` and by compaction. */
export const RETENTION_MS = 30 * DAY_MS
/** The file is compacted before an append would take it past this. */
export const MAX_FILE_BYTES = 2 * 1024 * 1024
/** At most this much of the file (its end, where the newest samples are) is ever read. */
export const MAX_READ_BYTES = 4 * 1024 * 1024
/** A sample is ~150 bytes; a longer line is not one of ours and is skipped unread. */
export const MAX_LINE_BYTES = 4096

/** Compaction keeps the newest samples up to this, so the appends after it do not compact again at once. */
const COMPACT_TO_BYTES = (MAX_FILE_BYTES * 3) / 4
/**
 * Old samples trigger a compaction only once the oldest is a day past retention: otherwise, once the file is 30
 * days old, every append would rewrite it to drop a few lines.
 */
const EXPIRED_GRACE_MS = DAY_MS
/** A temp file this old was left by a process that died between writing it and renaming it. */
const STALE_TEMP_MS = 3_600_000
const FILE_MODE = 0o600
const DIR_MODE = 0o700

/**
 * Why the history could not be read or written: `reason` is the system's error code (`EACCES`, `ENOTDIR`, ...), the
 * platform's reason, or `NotRegularFile`. Callers are expected to ignore it: a history failure never fails a report.
 */
export class HistoryError extends Schema.TaggedError<HistoryError>()("HistoryError", {
  operation: Schema.Literal("read", "write"),
  path: Schema.String,
  reason: Schema.String
}) {}

/**
 * The samples of a run: one per (provider id, accountKey, window key) of every `Reported` outcome (the first window
 * wins when two share a key), all taken `at` = `now` (by default the run's `generatedAt`). Unlimited windows and
 * non-finite percentages are left out: they have no pace.
 */
export const samplesOf = (result: RunResult, now: number = result.generatedAt.getTime()): Array<Sample> => {
  const seen = new Set<string>()
  const samples: Array<Sample> = []
  for (const outcome of result.outcomes) {
    if (outcome._tag !== "Reported") continue
    for (const window of outcome.report.windows) {
      if (window.unlimited === true || !Number.isFinite(window.usedPercent)) continue
      const key = windowKey(window)
      const identity = JSON.stringify([outcome.id, outcome.accountKey, key])
      if (seen.has(identity)) continue
      seen.add(identity)
      const resetsAt = window.resetsAt === null ? NaN : window.resetsAt.getTime()
      samples.push({
        at: now,
        provider: outcome.id,
        account: outcome.accountKey,
        window: key,
        usedPercent: window.usedPercent,
        resetsAt: Number.isFinite(resetsAt) ? resetsAt : null
      })
    }
  }
  return samples
}

/**
 * Where the history lives: `$XDG_STATE_HOME/mystatus/history.jsonl` when `XDG_STATE_HOME` is absolute, else
 * `~/.local/state/mystatus/history.jsonl`.
 */
export const historyFile: Effect.Effect<string, never, Path.Path> = Effect.gen(function*() {
  const path = yield* Path.Path
  const xdg = yield* absoluteDirFromEnv("XDG_STATE_HOME")
  const home = yield* homeDir
  return path.join(Option.getOrElse(xdg, () => path.join(home, ".local", "state")), "mystatus", "history.jsonl")
})

/** What the `History` service offers; every effect fails only with a `HistoryError`, never with a defect. */
export interface HistoryService {
  /** The file this history is stored in. */
  readonly file: string
  /**
   * Every valid sample within retention, in file order (oldest first). A missing file is no samples; corrupt,
   * wrong-shape and over-long lines are skipped; at most the last `MAX_READ_BYTES` of the file are read.
   */
  readonly read: Effect.Effect<ReadonlyArray<Sample>, HistoryError>
  /**
   * Adds samples (invalid ones are dropped). Normally one append-mode write of the whole batch, so appends from
   * several processes never interleave or lose lines. When the file would pass `MAX_FILE_BYTES`, or its oldest
   * sample is past retention, it is compacted instead: the kept samples plus the batch are written to a temp file
   * beside it and renamed over it (readers see the old file or the new one, never half of one). A compaction can
   * lose a batch another process appends between its read and its rename: a few samples, rarely, accepted rather
   * than a lock file that a killed process would leave behind.
   */
  readonly append: (samples: ReadonlyArray<Sample>) => Effect.Effect<void, HistoryError>
  /** `append(samplesOf(result, now))`. */
  readonly record: (result: RunResult, now?: number) => Effect.Effect<void, HistoryError>
}

const reasonOf = (error: PlatformError): string => {
  if (error._tag === "BadArgument") return "BadArgument"
  const code = (error.cause as { readonly code?: unknown } | undefined)?.code
  return typeof code === "string" ? code : error.reason
}

const lineOf = (sample: Sample): string =>
  JSON.stringify({
    at: sample.at,
    provider: sample.provider,
    account: sample.account,
    window: sample.window,
    usedPercent: sample.usedPercent,
    resetsAt: sample.resetsAt
  }) + "\n"

const decodeLine = Schema.decodeUnknownOption(Schema.parseJson(Sample))
const isSample = Schema.is(Sample)
const encoder = new TextEncoder()

const decodeUtf8 = (bytes: Uint8Array): Option.Option<string> => {
  try {
    return Option.some(new TextDecoder("utf-8", { fatal: true }).decode(bytes))
  } catch {
    return Option.none()
  }
}

/**
 * The samples in `bytes`, skipping a first line cut by the read window (`cut`), empty, over-long, non-UTF-8 and
 * undecodable lines. A last line without its newline is kept when it decodes: a cut JSON object never does.
 */
const samplesIn = (bytes: Uint8Array, cut: boolean): Array<Sample> => {
  const samples: Array<Sample> = []
  let start = 0
  if (cut) {
    const newline = bytes.indexOf(10)
    if (newline === -1) return samples
    start = newline + 1
  }
  while (start < bytes.length) {
    const newline = bytes.indexOf(10, start)
    const end = newline === -1 ? bytes.length : newline
    if (end > start && end - start <= MAX_LINE_BYTES) {
      const sample = Option.flatMap(decodeUtf8(bytes.subarray(start, end)), decodeLine)
      if (Option.isSome(sample)) samples.push(sample.value)
    }
    start = end + 1
  }
  return samples
}

/** Builds the service over one file (tests and callers with their own location; the layer uses `historyFile`). */
export const make = (file: string): Effect.Effect<HistoryService, never, FileSystem.FileSystem | Path.Path> =>
  Effect.gen(function*() {
    const fs = yield* FileSystem.FileSystem
    const path = yield* Path.Path
    const dir = path.dirname(file)
    const base = path.basename(file)

    const guard = <A>(operation: "read" | "write", effect: Effect.Effect<A, PlatformError | HistoryError>) =>
      effect.pipe(
        Effect.catchAll((error) =>
          Effect.fail(error._tag === "HistoryError" ? error : new HistoryError({ operation, path: file, reason: reasonOf(error) }))
        ),
        Effect.catchAllDefect(() => Effect.fail(new HistoryError({ operation, path: file, reason: "Defect" })))
      )

    /** The file's size, none when it does not exist; a directory or FIFO is refused before it is opened. */
    const sizeOf = (operation: "read" | "write"): Effect.Effect<Option.Option<number>, PlatformError | HistoryError> =>
      Effect.gen(function*() {
        const info = yield* fs.stat(file).pipe(
          Effect.map(Option.some),
          Effect.catchIf(
            (error) => error._tag === "SystemError" && error.reason === "NotFound",
            () => Effect.succeedNone
          )
        )
        if (Option.isNone(info)) return Option.none()
        if (info.value.type !== "File") return yield* new HistoryError({ operation, path: file, reason: "NotRegularFile" })
        return Option.some(Number(info.value.size))
      })

    /** `length` bytes from `offset`, read once (never more, whatever the file grew to meanwhile). */
    const readRange = (offset: number, length: number) =>
      Effect.scoped(Effect.gen(function*() {
        const handle = yield* fs.open(file, { flag: "r" })
        yield* handle.seek(offset, "start")
        const bytes = yield* handle.readAlloc(length)
        return Option.getOrElse(bytes, () => new Uint8Array(0))
      }))

    /** Every decodable sample in the last `MAX_READ_BYTES` of the file, unfiltered. */
    const readAll = (operation: "read" | "write") =>
      Effect.flatMap(sizeOf(operation), (size) => {
        if (Option.isNone(size) || size.value === 0) return Effect.succeed<Array<Sample>>([])
        const offset = Math.max(0, size.value - MAX_READ_BYTES)
        return Effect.map(readRange(offset, size.value - offset), (bytes) => samplesIn(bytes, offset > 0))
      })

    const read = guard(
      "read",
      Effect.gen(function*() {
        const cutoff = (yield* Clock.currentTimeMillis) - RETENTION_MS
        return (yield* readAll("read")).filter((sample) => sample.at >= cutoff)
      })
    )

    /** The first line is the oldest sample: compact when it is past retention and grace, or is not a sample. */
    const headExpired = (now: number) =>
      Effect.map(readRange(0, MAX_LINE_BYTES + 1), (bytes) => {
        const newline = bytes.indexOf(10)
        if (newline === -1) return true
        const head = samplesIn(bytes.subarray(0, newline), false)[0]
        return head === undefined || head.at < now - RETENTION_MS - EXPIRED_GRACE_MS
      })

    /**
     * One write in append mode. A file that does not end in a newline (a writer died mid-line) gets one first, so
     * the torn line stays alone and is skipped instead of swallowing this batch's first sample.
     */
    const appendPlain = (bytes: Uint8Array) =>
      Effect.scoped(Effect.gen(function*() {
        const handle = yield* fs.open(file, { flag: "a+", mode: FILE_MODE })
        const size = Number((yield* handle.stat).size)
        let torn = false
        if (size > 0) {
          yield* handle.seek(size - 1, "start")
          const last = yield* handle.readAlloc(1)
          torn = Option.isSome(last) && last.value[0] !== 10
        }
        if (!torn) return yield* handle.writeAll(bytes)
        const data = new Uint8Array(bytes.length + 1)
        data[0] = 10
        data.set(bytes, 1)
        yield* handle.writeAll(data)
      }))

    const removeStaleTemps = (now: number) =>
      Effect.gen(function*() {
        const names = yield* fs.readDirectory(dir)
        for (const name of names) {
          if (!name.startsWith(`${base}.`) || !name.endsWith(".tmp")) continue
          const temp = path.join(dir, name)
          const info = yield* fs.stat(temp)
          if (Option.exists(info.mtime, (mtime) => mtime.getTime() < now - STALE_TEMP_MS)) yield* fs.remove(temp)
        }
      }).pipe(Effect.ignore)

    /** Kept samples + the batch, newest up to `COMPACT_TO_BYTES`, written beside the file and renamed over it. */
    const compact = (batch: ReadonlyArray<string>, now: number) =>
      Effect.gen(function*() {
        const cutoff = now - RETENTION_MS
        const kept = (yield* readAll("write")).filter((sample) => sample.at >= cutoff).map(lineOf)
        const lines = [...kept, ...batch]
        let bytes = 0
        let first = lines.length
        while (first > 0) {
          const length = encoder.encode(lines[first - 1]!).length
          if (bytes + length > COMPACT_TO_BYTES) break
          bytes += length
          first -= 1
        }
        yield* removeStaleTemps(now)
        const suffix = yield* Random.nextIntBetween(0, 2 ** 31)
        const temp = path.join(dir, `${base}.${pid}-${suffix.toString(36)}.tmp`)
        yield* fs.writeFile(temp, encoder.encode(lines.slice(first).join("")), { flag: "wx", mode: FILE_MODE }).pipe(
          Effect.zipRight(fs.rename(temp, file)),
          Effect.tapError(() => fs.remove(temp).pipe(Effect.ignore))
        )
      })

    const append = (samples: ReadonlyArray<Sample>) =>
      guard(
        "write",
        Effect.gen(function*() {
          const batch = samples.filter(isSample).map(lineOf).filter((line) => encoder.encode(line).length <= MAX_LINE_BYTES)
          if (batch.length === 0) return
          const bytes = encoder.encode(batch.join(""))
          yield* fs.makeDirectory(dir, { recursive: true, mode: DIR_MODE })
          const now = yield* Clock.currentTimeMillis
          const size = yield* sizeOf("write")
          if (Option.isNone(size)) return yield* appendPlain(bytes)
          const due = size.value + bytes.length > MAX_FILE_BYTES || (size.value > 0 && (yield* headExpired(now)))
          // A failed compaction (say the directory is read-only while the file is not) still records the batch.
          yield* due ? compact(batch, now).pipe(Effect.orElse(() => appendPlain(bytes))) : appendPlain(bytes)
        })
      )

    return {
      file,
      read,
      append,
      record: (result, now) => append(samplesOf(result, now))
    }
  })

/**
 * The samples of earlier runs, for pace: `layer` stores them in `historyFile`, reading the environment through
 * Effect `Config` (HOME, XDG_STATE_HOME) once, when built.
 */
export class History extends Context.Tag("mystatus/History")<History, HistoryService>() {
  static readonly make = make
  static readonly layer: Layer.Layer<History, never, FileSystem.FileSystem | Path.Path> = Layer.effect(
    History,
    Effect.flatMap(historyFile, make)
  )
}
