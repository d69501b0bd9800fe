import { describe, expect, it } from "@effect/vitest"
import * as NodeFileSystem from "@effect/platform-node/NodeFileSystem"
import * as NodePath from "@effect/platform-node/NodePath"
import { ConfigProvider, type Context, Deferred, Effect, Fiber, Layer, Option, Ref, TestClock } from "effect"
import { spawn } from "node:child_process"
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { MAX_BACK_OFF_MS, ResultCache } from "../../src/cache/ResultCache.js"
import { describeError } from "../../src/render/describe.js"
import {
  AuthFileUnreadable,
  DecodeError,
  HttpError,
  ProviderProblem,
  type QuotaError,
  Timeout,
  TokenExpired
} from "../../src/schema/errors.js"
import type { RunResult } from "../../src/schema/report.js"

const NOW = Date.parse("2026-11-22T10:00:00.000Z")
const SECOND = 1000
const REPO = fileURLToPath(new URL("../..", import.meta.url))

type Env = Readonly<Record<string, string>>
type Cache = Context.Tag.Service<ResultCache>

const live = ResultCache.layer.pipe(Layer.provide(Layer.merge(NodeFileSystem.layer, NodePath.layer)))

/** A fresh cache over the given environment (as a new process would see the files), used once. */
const use = <A, E>(env: Env, f: (cache: Cache) => Effect.Effect<A, E>) =>
  Effect.flatMap(ResultCache, f).pipe(
    Effect.provide(live),
    Effect.withConfigProvider(ConfigProvider.fromMap(new Map(Object.entries(env))))
  )

/** A throw-away HOME with an absolute XDG_CACHE_HOME inside it. */
const sandbox = Effect.acquireRelease(
  Effect.sync(() => {
    const root = mkdtempSync(join(tmpdir(), "mystatus-cache-"))
    const home = join(root, "home")
    const xdg = join(root, "xdg")
    mkdirSync(home)
    return { root, home, xdg, cacheDir: join(xdg, "mystatus"), env: { HOME: home, XDG_CACHE_HOME: xdg } as Env }
  }),
  ({ root }) => Effect.sync(() => rmSync(root, { recursive: true, force: true }))
)

const listing = (dir: string): Array<string> => (existsSync(dir) ? readdirSync(dir).sort() : [])
const resultFiles = (dir: string) => listing(dir).filter((name) => /^result-[0-9a-f]{16}\.json$/.test(name))
const tempFiles = (dir: string) => listing(dir).filter((name) => name.endsWith(".tmp"))

const onlyResultFile = (dir: string): string => {
  const files = resultFiles(dir)
  expect(files).toHaveLength(1)
  return join(dir, files[0]!)
}

/** A run as the program makes one: every shape of window and note, and failures with optional fields set and not. */
const realistic: RunResult = {
  generatedAt: new Date(NOW - 1234),
  outcomes: [
    {
      _tag: "Reported",
      id: "claude",
      name: "Claude",
      accountKey: "me@example.com",
      report: {
        account: "me@example.com",
        plan: "Max 5x",
        windows: [
          {
            scope: null,
            windowSeconds: 18000,
            usedPercent: 42.5,
            resetsAt: new Date("2026-11-22T12:30:00.123Z"),
            used: null,
            limit: null,
            unit: null
          },
          {
            scope: { _tag: "Known", key: "codeReview" },
            windowSeconds: 604800,
            usedPercent: 81,
            resetsAt: new Date("2026-11-27T00:00:00.000Z"),
            used: 810,
            limit: 1000,
            unit: "requests"
          },
          {
            scope: { _tag: "Named", name: "gemini-2.5-pro" },
            windowSeconds: null,
            usedPercent: 24.68,
            resetsAt: null,
            used: 12.34,
            limit: 50,
            unit: null,
            currency: "USD"
          },
          { scope: null, windowSeconds: null, usedPercent: 0, resetsAt: null, used: null, limit: null, unit: "credits", unlimited: true }
        ],
        notes: [
          { _tag: "LimitReached" },
          { _tag: "ExtraUsage", spent: 3.5, limit: null, currency: "USD", decimals: 2 },
          { _tag: "TopModels", models: [{ name: "opus", used: 10 }, { name: "sonnet", used: 3 }], unit: "tokens" },
          { _tag: "BillingPeriod", year: 2026, month: 11 },
          { _tag: "MoneySpent", today: 1.25, week: null, month: 40, currency: "USD" }
        ]
      }
    },
    {
      _tag: "Failed",
      id: "copilot",
      name: "GitHub Copilot",
      account: "octocat",
      accountKey: "octocat",
      error: new HttpError({
        provider: "copilot",
        endpoint: "https://api.github.com/copilot_internal/user",
        status: 429,
        detail: "API rate limit exceeded",
        retryAfterSeconds: 30
      })
    },
    { _tag: "Failed", id: "google", name: "Google", account: null, accountKey: null, error: new Timeout({ provider: "google", seconds: 10 }) },
    {
      _tag: "Failed",
      id: "openai",
      name: "OpenAI",
      account: "me@example.com",
      accountKey: "me@example.com",
      error: new DecodeError({
        provider: "openai",
        endpoint: "https://chatgpt.com/backend-api/wham/usage",
        reason: "shape",
        issues: { list: [{ path: "rate_limit.primary_window", expected: { _tag: "Type", types: ["object", "null"] } }], more: 2 }
      })
    },
    {
      _tag: "Failed",
      id: "kimi",
      name: "Kimi",
      account: null,
      accountKey: null,
      error: new AuthFileUnreadable({ provider: "opencode", path: "/home/u/.local/share/opencode/auth.json", problem: "notJson", line: 3, column: 7 })
    },
    { _tag: "Failed", id: "glm", name: "Zhipu", account: null, accountKey: "9c89****AQVM", error: new TokenExpired({ provider: "glm", expiredAt: NOW - 60_000 }) },
    {
      _tag: "Failed",
      id: "google",
      name: "Google",
      account: "me@gmail.com",
      accountKey: "me@gmail.com",
      error: new ProviderProblem({ provider: "google", problem: "noProject", params: { path: "/x/y.json", count: 2 } })
    }
  ],
  sources: [{ name: "OpenCode", path: "/home/u/.local/share/opencode/auth.json", entry: "anthropic", exists: true }],
  notConfigured: [{ id: "minimax", name: "MiniMax", sources: [{ name: "env", path: "MINIMAX_API_KEY", entry: null, exists: false }] }]
}

/** A small result told apart by `label`; the child processes below build the same one in plain JavaScript. */
const labelled = (label: string): RunResult => ({
  generatedAt: new Date("2026-01-01T00:00:00.000Z"),
  outcomes: [{ _tag: "Failed", id: label, name: label, account: null, accountKey: null, error: new Timeout({ provider: label, seconds: 5 }) }],
  sources: [],
  notConfigured: []
})

const errorsOf = (result: RunResult): Array<QuotaError> =>
  result.outcomes.flatMap((outcome) => (outcome._tag === "Failed" ? [outcome.error] : []))

describe("ResultCache round trip", () => {
  it.scoped("gives back an equal RunResult: dates, optional fields, notes, and errors as real instances", () =>
    Effect.gen(function*() {
      const { env } = yield* sandbox
      yield* TestClock.setTime(NOW)
      yield* use(env, (cache) => cache.set(["claude", "copilot"], realistic))
      const hit = Option.getOrThrow(yield* use(env, (cache) => cache.get(["claude", "copilot"], 60)))
      expect(hit.at).toBe(NOW)
      // toStrictEqual compares prototypes: a plain `{ _tag: "HttpError", ... }` would not pass for an HttpError.
      expect(hit.result).toStrictEqual(realistic)
      const window = hit.result.outcomes[0]?._tag === "Reported" ? hit.result.outcomes[0].report.windows[0] : undefined
      expect(window?.resetsAt).toBeInstanceOf(Date)
      expect(window?.resetsAt?.getTime()).toBe(Date.parse("2026-11-22T12:30:00.123Z"))
      const [decoded, original] = [errorsOf(hit.result), errorsOf(realistic)]
      expect(decoded.map((error) => error.constructor)).toEqual([HttpError, Timeout, DecodeError, AuthFileUnreadable, TokenExpired, ProviderProblem])
      for (const [i, error] of decoded.slice(0, 5).entries()) {
        expect(describeError("en", error, "X", NOW)).toEqual(describeError("en", original[i]!, "X", NOW))
      }
      // Still an Effect error: it can be failed with and caught by tag.
      const caught = yield* Effect.flip(decoded[0] as HttpError)
      expect(caught._tag).toBe("HttpError")
    }))

  it.scoped("stores dates as ISO strings and nothing beyond the result, its selection and its time", () =>
    Effect.gen(function*() {
      const { env, cacheDir } = yield* sandbox
      yield* TestClock.setTime(NOW)
      yield* use(env, (cache) => cache.set(["copilot", "claude"], realistic))
      const json = JSON.parse(readFileSync(onlyResultFile(cacheDir), "utf8"))
      expect(Object.keys(json).sort()).toEqual(["at", "only", "result", "version"])
      expect(json).toMatchObject({ version: 1, at: NOW, only: ["claude", "copilot"] })
      expect(json.result.generatedAt).toBe(new Date(NOW - 1234).toISOString())
      expect(json.result.outcomes[0].report.windows[0].resetsAt).toBe("2026-11-22T12:30:00.123Z")
      expect(json.result.outcomes[1].error).toEqual({
        _tag: "HttpError",
        provider: "copilot",
        endpoint: "https://api.github.com/copilot_internal/user",
        status: 429,
        detail: "API rate limit exceeded",
        retryAfterSeconds: 30
      })
    }))
})

describe("ResultCache freshness", () => {
  it.scoped("hits while younger than maxAge, misses from maxAge on", () =>
    Effect.gen(function*() {
      const { env } = yield* sandbox
      yield* TestClock.setTime(NOW)
      yield* use(env, (cache) => cache.set([], realistic))
      yield* TestClock.setTime(NOW + 29 * SECOND)
      expect(Option.map(yield* use(env, (cache) => cache.get([], 30)), (hit) => hit.at)).toEqual(Option.some(NOW))
      yield* TestClock.setTime(NOW + 30 * SECOND)
      expect(Option.isNone(yield* use(env, (cache) => cache.get([], 30)))).toBe(true)
      expect(Option.isSome(yield* use(env, (cache) => cache.get([], 31)))).toBe(true)
      yield* TestClock.setTime(NOW + 3600 * SECOND)
      expect(Option.isNone(yield* use(env, (cache) => cache.get([], 3600)))).toBe(true)
    }))

  it.scoped("maxAge 0 (or less, or NaN) always misses, even right after a write", () =>
    Effect.gen(function*() {
      const { env } = yield* sandbox
      yield* TestClock.setTime(NOW)
      yield* use(env, (cache) => cache.set(["a"], realistic))
      expect(Option.isSome(yield* use(env, (cache) => cache.get(["a"], 1)))).toBe(true)
      for (const maxAge of [0, -5, Number.NaN]) {
        expect(Option.isNone(yield* use(env, (cache) => cache.get(["a"], maxAge))), String(maxAge)).toBe(true)
      }
    }))

  it.scoped("a result from the future: tolerated up to a minute, a miss beyond", () =>
    Effect.gen(function*() {
      const { env } = yield* sandbox
      yield* TestClock.setTime(NOW)
      yield* use(env, (cache) => cache.set(["a"], realistic))
      yield* TestClock.setTime(NOW - 59 * SECOND)
      expect(Option.isSome(yield* use(env, (cache) => cache.get(["a"], 10)))).toBe(true)
      yield* TestClock.setTime(NOW - 61 * SECOND)
      expect(Option.isNone(yield* use(env, (cache) => cache.get(["a"], 3600)))).toBe(true)
    }))

  it.scoped("nothing stored is a miss, and creates nothing", () =>
    Effect.gen(function*() {
      const { env, xdg } = yield* sandbox
      expect(Option.isNone(yield* use(env, (cache) => cache.get([], 60)))).toBe(true)
      expect(existsSync(xdg)).toBe(false)
    }))
})

describe("ResultCache selection", () => {
  it.scoped("[\"a\",\"b\"] and [\"b\",\"a\"] share a file; [] and [\"a\"] do not", () =>
    Effect.gen(function*() {
      const { env, cacheDir } = yield* sandbox
      yield* TestClock.setTime(NOW)
      yield* use(env, (cache) => cache.set(["b", "a"], labelled("ab")))
      expect(resultFiles(cacheDir)).toHaveLength(1)
      const hit = (only: ReadonlyArray<string>) =>
        use(env, (cache) => cache.get(only, 60)).pipe(Effect.map(Option.map(({ result }) => result.outcomes[0]?.id)))
      expect(yield* hit(["a", "b"])).toEqual(Option.some("ab"))
      expect(yield* hit(["a", "b", "a"])).toEqual(Option.some("ab"))
      expect(yield* hit([])).toEqual(Option.none())
      expect(yield* hit(["a"])).toEqual(Option.none())
      expect(yield* hit(["a,b"])).toEqual(Option.none())
      yield* use(env, (cache) => cache.set(["a", "b"], labelled("ab2")))
      expect(resultFiles(cacheDir)).toHaveLength(1)
      yield* use(env, (cache) => cache.set([], labelled("all")))
      expect(resultFiles(cacheDir)).toHaveLength(2)
      expect(yield* hit([])).toEqual(Option.some("all"))
      expect(yield* hit(["b", "a"])).toEqual(Option.some("ab2"))
    }))

  it.scoped("a file naming another selection (a hash collision) is a miss", () =>
    Effect.gen(function*() {
      const { env, cacheDir } = yield* sandbox
      yield* TestClock.setTime(NOW)
      yield* use(env, (cache) => cache.set(["a"], labelled("a")))
      const file = onlyResultFile(cacheDir)
      writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync(file, "utf8")), only: ["z"] }))
      expect(Option.isNone(yield* use(env, (cache) => cache.get(["a"], 60)))).toBe(true)
    }))
})

const corruptions: ReadonlyArray<readonly [string, (file: string, good: string) => void]> = [
  ["garbage", (file) => writeFileSync(file, "\u0000\u0001 not json {{{")],
  ["an empty file", (file) => writeFileSync(file, "")],
  ["truncated JSON", (file, good) => writeFileSync(file, good.slice(0, Math.floor(good.length / 2)))],
  ["JSON nested too deep", (file) => writeFileSync(file, "[".repeat(100_000))],
  ["a wrong version", (file, good) => writeFileSync(file, JSON.stringify({ ...JSON.parse(good), version: 2 }))],
  ["no version", (file, good) => writeFileSync(file, JSON.stringify({ ...JSON.parse(good), version: undefined }))],
  ["a wrong shape", (file, good) => {
    const json = JSON.parse(good)
    writeFileSync(file, JSON.stringify({ ...json, result: { ...json.result, outcomes: "none" } }))
  }],
  ["an unknown error tag", (file, good) => writeFileSync(file, good.replace("\"HttpError\"", "\"Whatever\""))],
  ["an invalid date", (file, good) => {
    const json = JSON.parse(good)
    writeFileSync(file, JSON.stringify({ ...json, result: { ...json.result, generatedAt: "yesterday" } }))
  }],
  ["a JSON array", (file) => writeFileSync(file, "[]")],
  // Valid in every other way: only the size cap makes it a miss.
  ["a 5 MiB file", (file, good) => writeFileSync(file, JSON.stringify({ ...JSON.parse(good), padding: "x".repeat(5 * 1024 * 1024) }))],
  ["an empty directory in its place", (file) => {
    rmSync(file)
    mkdirSync(file)
  }]
]

describe("ResultCache with a corrupt file", () => {
  for (const [name, corrupt] of corruptions) {
    it.scoped(`${name}: a miss, no error, and the next set repairs it`, () =>
      Effect.gen(function*() {
        const { env, cacheDir } = yield* sandbox
        yield* TestClock.setTime(NOW)
        yield* use(env, (cache) => cache.set(["x"], realistic))
        const file = onlyResultFile(cacheDir)
        expect(Option.isSome(yield* use(env, (cache) => cache.get(["x"], 60)))).toBe(true)
        corrupt(file, readFileSync(file, "utf8"))
        expect(Option.isNone(yield* use(env, (cache) => cache.get(["x"], 60)))).toBe(true)
        yield* use(env, (cache) => cache.set(["x"], realistic))
        const repaired = yield* use(env, (cache) => cache.get(["x"], 60))
        expect(Option.map(repaired, ({ result }) => result)).toStrictEqual(Option.some(realistic))
        expect(tempFiles(cacheDir)).toEqual([])
      }))
  }

  it.scoped.skipIf(process.platform === "win32")("a FIFO in its place: a miss that does not block, and the next set repairs it", () =>
    Effect.gen(function*() {
      const { env, cacheDir } = yield* sandbox
      yield* TestClock.setTime(NOW)
      yield* use(env, (cache) => cache.set(["x"], realistic))
      const file = onlyResultFile(cacheDir)
      rmSync(file)
      yield* Effect.promise(() =>
        new Promise<void>((resolve, reject) =>
          spawn("mkfifo", [file]).on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`mkfifo ${code}`))))
        )
      )
      expect(statSync(file).isFIFO()).toBe(true)
      expect(Option.isNone(yield* use(env, (cache) => cache.get(["x"], 60)))).toBe(true)
      yield* use(env, (cache) => cache.set(["x"], realistic))
      expect(Option.isSome(yield* use(env, (cache) => cache.get(["x"], 60)))).toBe(true)
    }))

  it.scoped("a directory with contents in its place: left alone, set is silent, get misses, no temp file remains", () =>
    Effect.gen(function*() {
      const { env, cacheDir } = yield* sandbox
      yield* TestClock.setTime(NOW)
      yield* use(env, (cache) => cache.set(["x"], realistic))
      const file = onlyResultFile(cacheDir)
      rmSync(file)
      mkdirSync(file)
      writeFileSync(join(file, "keep"), "not ours")
      yield* use(env, (cache) => cache.set(["x"], realistic))
      expect(Option.isNone(yield* use(env, (cache) => cache.get(["x"], 60)))).toBe(true)
      expect(readFileSync(join(file, "keep"), "utf8")).toBe("not ours")
      expect(tempFiles(cacheDir)).toEqual([])
    }))
})

describe("ResultCache location", () => {
  it.scoped("XDG_CACHE_HOME (absolute) is respected; the directory is 0700 and the file 0600", () =>
    Effect.gen(function*() {
      const { env, home, cacheDir } = yield* sandbox
      yield* use(env, (cache) => cache.set([], realistic))
      const file = onlyResultFile(cacheDir)
      expect(existsSync(join(home, ".cache"))).toBe(false)
      if (process.platform !== "win32") {
        expect(statSync(cacheDir).mode & 0o777).toBe(0o700)
        expect(statSync(file).mode & 0o777).toBe(0o600)
      }
    }))

  it.scoped("without XDG_CACHE_HOME, or with a relative one, it is ~/.cache/mystatus", () =>
    Effect.gen(function*() {
      const { home } = yield* sandbox
      const relative = `mystatus-relative-cache-${process.pid}-${Date.now()}`
      yield* Effect.addFinalizer(() => Effect.sync(() => rmSync(join(process.cwd(), relative), { recursive: true, force: true })))
      yield* use({ HOME: home, XDG_CACHE_HOME: relative }, (cache) => cache.set(["r"], labelled("relative")))
      yield* use({ HOME: home }, (cache) => cache.set(["n"], labelled("none")))
      expect(existsSync(join(process.cwd(), relative))).toBe(false)
      expect(resultFiles(join(home, ".cache", "mystatus"))).toHaveLength(2)
      const hit = yield* use({ HOME: home }, (cache) => cache.get(["r"], 60))
      expect(Option.map(hit, ({ result }) => result.outcomes[0]?.id)).toEqual(Option.some("relative"))
    }))
})

describe("ResultCache where it cannot write", () => {
  it.scoped("the cache directory cannot be made (a file in the way): set and setNotBefore succeed silently, reads miss", () =>
    Effect.gen(function*() {
      const { root, home } = yield* sandbox
      const blocker = join(root, "blocker")
      writeFileSync(blocker, "a file, not a directory")
      const env = { HOME: home, XDG_CACHE_HOME: blocker }
      yield* use(env, (cache) => cache.set([], realistic))
      yield* use(env, (cache) => cache.setNotBefore("copilot", Date.now() + 60_000))
      expect(Option.isNone(yield* use(env, (cache) => cache.get([], 60)))).toBe(true)
      expect((yield* use(env, (cache) => cache.notBefore)).size).toBe(0)
      expect(readFileSync(blocker, "utf8")).toBe("a file, not a directory")
    }))

  // root writes anywhere: the permission bits prove nothing there.
  it.scoped.skipIf(process.platform === "win32" || process.getuid?.() === 0)(
    "a read-only cache directory: set succeeds silently, get misses",
    () =>
      Effect.gen(function*() {
        const { env, cacheDir } = yield* sandbox
        mkdirSync(cacheDir, { recursive: true, mode: 0o500 })
        yield* Effect.addFinalizer(() => Effect.sync(() => rmSync(cacheDir, { recursive: true, force: true })))
        yield* use(env, (cache) => cache.set([], realistic))
        expect(Option.isNone(yield* use(env, (cache) => cache.get([], 60)))).toBe(true)
        expect(listing(cacheDir)).toEqual([])
      })
  )
})

/** A child process writing `labelled(label)` `count` times (4 at once), through the module from source. */
const CHILD = `
const [modulePath, errorsPath, label, count] = process.argv.slice(1)
const { ResultCache } = await import(modulePath)
const { Timeout } = await import(errorsPath)
const { Effect, Layer } = await import("effect")
const NodeFileSystem = await import("@effect/platform-node/NodeFileSystem")
const NodePath = await import("@effect/platform-node/NodePath")
const result = {
  generatedAt: new Date("2026-01-01T00:00:00.000Z"),
  outcomes: [{ _tag: "Failed", id: label, name: label, account: null, accountKey: null, error: new Timeout({ provider: label, seconds: 5 }) }],
  sources: [],
  notConfigured: []
}
const program = Effect.flatMap(ResultCache, (cache) =>
  Effect.forEach(Array.from({ length: Number(count) }), () => cache.set(["p"], result), { concurrency: 4, discard: true }))
await Effect.runPromise(program.pipe(Effect.provide(ResultCache.layer.pipe(Layer.provide(Layer.merge(NodeFileSystem.layer, NodePath.layer))))))
process.stdout.write("done " + label)
`

const child = (env: Env, label: string, count: number) =>
  Effect.async<{ readonly code: number | null; readonly stdout: string; readonly stderr: string }>((resume) => {
    const process_ = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        "--input-type=module",
        "-e",
        CHILD,
        join(REPO, "src/cache/ResultCache.ts"),
        join(REPO, "src/schema/errors.ts"),
        label,
        String(count)
      ],
      { cwd: REPO, env: { PATH: process.env.PATH ?? "", ...env }, stdio: ["ignore", "pipe", "pipe"] }
    )
    let stdout = ""
    let stderr = ""
    process_.stdout.on("data", (chunk: Buffer) => void (stdout += chunk.toString("utf8")))
    process_.stderr.on("data", (chunk: Buffer) => void (stderr += chunk.toString("utf8")))
    process_.on("close", (code) => resume(Effect.succeed({ code, stdout, stderr })))
    return Effect.sync(() => void process_.kill())
  })

describe("ResultCache with concurrent writers", () => {
  it.scopedLive("fibers and child processes writing at once leave one whole file, the last writer's, and no temp file", () =>
    Effect.gen(function*() {
      const { env, cacheDir } = yield* sandbox
      const labels = new Set(["child-1", "child-2", ...Array.from({ length: 8 }, (_, i) => `fiber-${i}`)])
      const expected = new Map([...labels].map((label) => [label, labelled(label)]))
      yield* use(env, (cache) => cache.set(["p"], labelled("fiber-0")))

      const done = yield* Deferred.make<void>()
      const reads = yield* Ref.make<Array<Option.Option<string>>>([])
      const children = yield* Effect.fork(
        Effect.all([child(env, "child-1", 60), child(env, "child-2", 60)], { concurrency: "unbounded" }).pipe(
          Effect.ensuring(Deferred.succeed(done, undefined))
        )
      )
      const untilDone = <A, E>(work: Effect.Effect<A, E>) =>
        Effect.flatMap(Deferred.isDone(done), (finished) => finished ? Effect.succeed(false) : Effect.as(work, true)).pipe(
          Effect.repeat({ while: (more) => more })
        )
      const writers = yield* use(env, (cache) =>
        Effect.forEach(
          Array.from({ length: 8 }, (_, i) => `fiber-${i}`),
          (label) => untilDone(cache.set(["p"], labelled(label))),
          { concurrency: "unbounded", discard: true }
        )
      ).pipe(Effect.fork)
      // Readers in other "processes" (fresh layers) never see a half-written file: each read is a hit.
      const readers = yield* Effect.forEach(
        [1, 2],
        () =>
          untilDone(
            use(env, (cache) => cache.get(["p"], 3600)).pipe(
              Effect.flatMap((hit) =>
                Ref.update(reads, (all) => [...all, Option.map(hit, ({ result }) => result.outcomes[0]?.id ?? "?")])
              )
            )
          ),
        { concurrency: "unbounded" }
      ).pipe(Effect.fork)

      const outcomes = yield* Fiber.join(children)
      for (const outcome of outcomes) {
        expect(outcome.stderr).toBe("")
        expect(outcome.code).toBe(0)
        expect(outcome.stdout).toMatch(/^done child-\d$/)
      }
      yield* Fiber.join(writers)
      yield* Fiber.join(readers)

      const seen = yield* Ref.get(reads)
      expect(seen.length).toBeGreaterThan(0)
      for (const read of seen) {
        expect(Option.isSome(read)).toBe(true)
        expect(labels.has(Option.getOrElse(read, () => ""))).toBe(true)
      }

      expect(listing(cacheDir)).toEqual(resultFiles(cacheDir))
      expect(resultFiles(cacheDir)).toHaveLength(1)
      const final = Option.getOrThrow(yield* use(env, (cache) => cache.get(["p"], 3600)))
      const label = final.result.outcomes[0]?.id ?? ""
      expect(labels.has(label)).toBe(true)
      expect(final.result).toStrictEqual(expected.get(label))
    }), { timeout: 60_000 })
})

describe("ResultCache back-off", () => {
  it.scoped("remembers each provider's time across processes, and forgets it once past", () =>
    Effect.gen(function*() {
      const { env, cacheDir } = yield* sandbox
      yield* TestClock.setTime(NOW)
      yield* use(env, (cache) => cache.setNotBefore("copilot", NOW + 30 * SECOND))
      yield* use(env, (cache) => cache.setNotBefore("claude", NOW + 90 * SECOND))
      expect(yield* use(env, (cache) => cache.notBefore)).toEqual(
        new Map([["copilot", NOW + 30 * SECOND], ["claude", NOW + 90 * SECOND]])
      )
      yield* TestClock.setTime(NOW + 60 * SECOND)
      expect(yield* use(env, (cache) => cache.notBefore)).toEqual(new Map([["claude", NOW + 90 * SECOND]]))
      yield* use(env, (cache) => cache.setNotBefore("openai", NOW + 120 * SECOND))
      // The past entry is dropped from the file on the next write.
      const json = JSON.parse(readFileSync(join(cacheDir, "not-before.json"), "utf8"))
      expect(json).toEqual({
        version: 1,
        providers: [{ id: "claude", at: NOW + 90 * SECOND }, { id: "openai", at: NOW + 120 * SECOND }]
      })
      expect(resultFiles(cacheDir)).toEqual([])
      if (process.platform !== "win32") expect(statSync(join(cacheDir, "not-before.json")).mode & 0o777).toBe(0o600)
    }))

  it.scoped("a later time replaces an earlier one, and at most a day ahead is kept", () =>
    Effect.gen(function*() {
      const { env } = yield* sandbox
      yield* TestClock.setTime(NOW)
      yield* use(env, (cache) => cache.setNotBefore("copilot", NOW + 300 * SECOND))
      yield* use(env, (cache) => cache.setNotBefore("copilot", NOW + 10 * SECOND))
      yield* use(env, (cache) => cache.setNotBefore("google", NOW + 10 * MAX_BACK_OFF_MS))
      yield* use(env, (cache) => cache.setNotBefore("nan", Number.NaN))
      expect(yield* use(env, (cache) => cache.notBefore)).toEqual(
        new Map([["copilot", NOW + 10 * SECOND], ["google", NOW + MAX_BACK_OFF_MS]])
      )
    }))

  it.scoped("a corrupt file, or a time too far ahead, is ignored; the next write repairs it", () =>
    Effect.gen(function*() {
      const { env, cacheDir } = yield* sandbox
      yield* TestClock.setTime(NOW)
      const file = join(cacheDir, "not-before.json")
      mkdirSync(cacheDir, { recursive: true })
      writeFileSync(file, JSON.stringify({ version: 1, providers: [{ id: "copilot", at: NOW + 30 * MAX_BACK_OFF_MS }] }))
      expect((yield* use(env, (cache) => cache.notBefore)).size).toBe(0)
      writeFileSync(file, "{\"version\": 1, \"providers\": [")
      expect((yield* use(env, (cache) => cache.notBefore)).size).toBe(0)
      writeFileSync(file, JSON.stringify({ version: 2, providers: [{ id: "copilot", at: NOW + 30 * SECOND }] }))
      expect((yield* use(env, (cache) => cache.notBefore)).size).toBe(0)
      yield* use(env, (cache) => cache.setNotBefore("claude", NOW + 30 * SECOND))
      expect(yield* use(env, (cache) => cache.notBefore)).toEqual(new Map([["claude", NOW + 30 * SECOND]]))
    }))

  it.scoped("fibers of one process setting back-offs at once lose none; any id is a plain key", () =>
    Effect.gen(function*() {
      const { env, cacheDir } = yield* sandbox
      yield* TestClock.setTime(NOW)
      const ids = [...Array.from({ length: 20 }, (_, i) => `provider-${i}`), "__proto__", "constructor"]
      yield* use(env, (cache) =>
        Effect.forEach(ids, (id, i) => cache.setNotBefore(id, NOW + (i + 1) * SECOND), { concurrency: "unbounded", discard: true }))
      const map = yield* use(env, (cache) => cache.notBefore)
      expect(map).toEqual(new Map(ids.map((id, i) => [id, NOW + (i + 1) * SECOND])))
      expect(tempFiles(cacheDir)).toEqual([])
    }))
})
