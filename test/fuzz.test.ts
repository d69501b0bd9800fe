/**
 * A seeded fuzz of every credential file: OpenCode's auth.json and each provider's own files (those its fixtures
 * write, in any of its configurations), each mutated in turn while the others stay intact and every provider is
 * configured. Whatever the file holds, the run returns a result (no defect) within the timeout + 1 s, every failure
 * is one of our tagged errors, the text and JSON hold no stack trace and no secret, the providers that do not read
 * the file still report, and no file is written. The seed is in every test name; `MYSTATUS_FUZZ_SEED=<n>` (or
 * `random`) replays or explores.
 */
import { describe, expect, it } from "@effect/vitest"
import { Cause, Effect, Exit, Schema } from "effect"
import { execFileSync } from "node:child_process"
import {
  chmodSync,
  closeSync,
  constants,
  existsSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync
} from "node:fs"
import { basename, join } from "node:path"
import { afterAll, beforeAll } from "vitest"
import { QuotaError } from "../src/schema/errors.js"
import type { RunResult } from "../src/schema/report.js"
import { toJson } from "../src/render/json.js"
import { renderText } from "../src/render/text.js"
import { BIN, expectExitedInTime, runBin } from "./support/cli.js"
import { type FakeServer, startFakeServer } from "./support/FakeServer.js"
import { baseUrlEnv, credentialFilesOf, EVERY_VARIANT, FIXTURE_SECRETS, IGNORING_AUTH_JSON, REGISTERED_IDS } from "./support/fixtures.js"
import { AUTH_JSON, makeHome, runWith } from "./support/Home.js"

const TIMEOUT_SECONDS = 2
const BOUND_MS = TIMEOUT_SECONDS * 1000 + 1000
const MiB = 1024 * 1024
const NOW = Date.now()

const SEED = ((): number => {
  const given = process.env.MYSTATUS_FUZZ_SEED
  if (given === "random") return Math.floor(Math.random() * 2 ** 32)
  return given !== undefined && /^\d+$/.test(given) ? Number(given) >>> 0 : 0x5eed2026
})()

/** mulberry32: a tiny seeded PRNG, uniform in [0, 1). */
const mulberry32 = (seed: number) => {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
type Random = ReturnType<typeof mulberry32>
const below = (random: Random, n: number) => Math.floor(random() * n)
const pick = <A>(random: Random, items: ReadonlyArray<A>): A => items[below(random, items.length)]!

// ---- the files

interface CredentialFile {
  readonly name: string
  /** Relative to HOME. */
  readonly path: string
  /** The outcome ids a broken file is reported under. */
  readonly owners: ReadonlyArray<string>
  readonly content: object
  /** Providers that never read this file: they must report whatever it holds. */
  readonly independent: ReadonlyArray<string>
}

/** auth.json, then each provider's own files, as the home of every configuration at once holds them. */
const FILES: ReadonlyArray<CredentialFile> = credentialFilesOf(NOW).map((file) => {
  if (typeof file.content !== "object") throw new Error(`${file.path}: the fuzz mutates JSON objects only`)
  return file.path === AUTH_JSON
    // A broken auth.json is reported once, as OpenCode's; only the providers that do not read it still report.
    ? { name: "auth.json", path: file.path, owners: ["opencode"], content: file.content, independent: IGNORING_AUTH_JSON }
    : {
      name: basename(file.path),
      path: file.path,
      owners: file.readers,
      content: file.content,
      independent: REGISTERED_IDS.filter((id) => !file.readers.includes(id))
    }
})

/** As `Home.write` writes it. */
const baseText = (file: CredentialFile) => JSON.stringify(file.content, null, 2)

type Path = ReadonlyArray<string | number>

const pathsOf = (value: unknown, path: Path = []): Array<Path> =>
  typeof value === "object" && value !== null
    ? Object.entries(value).flatMap(([key, inner]) => {
      const here = [...path, Array.isArray(value) ? Number(key) : key]
      return [here, ...pathsOf(inner, here)]
    })
    : []

const valueAt = (value: unknown, path: Path): unknown =>
  path.reduce<unknown>((current, key) => (current as Record<string | number, unknown>)[key], value)

const PLACEHOLDER = "@@FUZZ-PLACEHOLDER@@"

/** The file's text with the value at `path` replaced by `raw` JSON text (which may be too deep to build as a value). */
const withRawAt = (file: CredentialFile, path: Path | null, raw: string): string => {
  if (path === null) return raw
  const copy = structuredClone(file.content) as Record<string | number, unknown>
  const parent = valueAt(copy, path.slice(0, -1)) as Record<string | number, unknown>
  parent[path[path.length - 1]!] = PLACEHOLDER
  return JSON.stringify(copy, null, 2).replace(JSON.stringify(PLACEHOLDER), raw)
}

const jsonType = (value: unknown) => (value === null ? "null" : Array.isArray(value) ? "array" : typeof value)

const WRONG_VALUES: ReadonlyArray<unknown> = [0, -1, 1.5e308, 3.25, "", "text", [], ["a", 1], null, {}, { nested: true }, true, false]

const deepText = (levels: number, form: "array" | "object") =>
  form === "array" ? `${"[".repeat(levels)}${"]".repeat(levels)}` : `${"{\"a\":".repeat(levels)}1${"}".repeat(levels)}`

// ---- the mutations

type Mutation =
  | { readonly kind: "truncate"; readonly at: number }
  | { readonly kind: "wrongType"; readonly path: Path; readonly value: unknown }
  | { readonly kind: "deep"; readonly path: Path | null; readonly levels: number; readonly form: "array" | "object" }
  | { readonly kind: "huge"; readonly path: Path | null; readonly bytes: number }
  | { readonly kind: "bom" }
  | { readonly kind: "nul"; readonly at: ReadonlyArray<number> }
  | { readonly kind: "flip"; readonly at: ReadonlyArray<readonly [number, number]> }
  | { readonly kind: "raw"; readonly text: string }

const describeMutation = (mutation: Mutation): string => {
  const where = (path: Path | null) => (path === null ? "the top" : path.join("."))
  switch (mutation.kind) {
    case "truncate":
      return `truncated at byte ${mutation.at}`
    case "wrongType":
      return `${where(mutation.path)} = ${JSON.stringify(mutation.value)}`
    case "deep":
      return `${mutation.levels} nested ${mutation.form}s at ${where(mutation.path)}`
    case "huge":
      return `a ${mutation.bytes / MiB} MiB string at ${where(mutation.path)}`
    case "bom":
      return "a UTF-8 BOM"
    case "nul":
      return `NUL bytes at ${mutation.at.join(", ")}`
    case "flip":
      return `bytes flipped at ${mutation.at.map(([offset, mask]) => `${offset}^0x${mask.toString(16)}`).join(", ")}`
    case "raw":
      return `the whole file is ${JSON.stringify(mutation.text)}`
  }
}

/** The seeded cases of one file: 45 to 55, each kind several times. */
const mutationsOf = (file: CredentialFile, random: Random): ReadonlyArray<Mutation> => {
  const text = baseText(file)
  const bytes = Buffer.byteLength(text)
  const paths = pathsOf(file.content)
  const stringPaths = paths.filter((path) => typeof valueAt(file.content, path) === "string")
  const times = <A>(n: number, make: () => A) => Array.from({ length: n }, make)
  return [
    ...times(8, (): Mutation => ({ kind: "truncate", at: below(random, bytes) })),
    // Every field at least once (a small file's fields several times), each time with a value of another type.
    ...times(Math.ceil(12 / paths.length), () => paths).flat().map((path): Mutation => {
      const original = jsonType(valueAt(file.content, path))
      const value = pick(random, WRONG_VALUES.filter((candidate) => jsonType(candidate) !== original))
      return { kind: "wrongType", path, value }
    }),
    ...times(3, (): Mutation => ({ kind: "deep", path: pick(random, paths), levels: 10_000, form: pick(random, ["array", "object"] as const) })),
    { kind: "deep", path: null, levels: 10_000, form: "array" },
    { kind: "deep", path: null, levels: 10_000, form: "object" },
    { kind: "huge", path: pick(random, stringPaths), bytes: 3 * MiB },
    { kind: "huge", path: pick(random, paths), bytes: 3 * MiB },
    { kind: "bom" },
    ...times(3, (): Mutation => ({ kind: "nul", at: times(1 + below(random, 3), () => below(random, bytes + 1)).sort((a, b) => a - b) })),
    ...times(8, (): Mutation => ({ kind: "flip", at: times(1 + below(random, 4), () => [below(random, bytes), 1 + below(random, 255)] as const) })),
    ...["", "  \n", "null", "[]", "\"text\"", "42", "true"].map((raw): Mutation => ({ kind: "raw", text: raw }))
  ]
}

const materialize = (file: CredentialFile, mutation: Mutation): Buffer => {
  const text = baseText(file)
  const bytes = Buffer.from(text, "utf8")
  switch (mutation.kind) {
    case "truncate":
      return bytes.subarray(0, mutation.at)
    case "wrongType": {
      const copy = structuredClone(file.content) as Record<string | number, unknown>
      const parent = valueAt(copy, mutation.path.slice(0, -1)) as Record<string | number, unknown>
      parent[mutation.path[mutation.path.length - 1]!] = mutation.value
      return Buffer.from(JSON.stringify(copy, null, 2))
    }
    case "deep":
      return Buffer.from(withRawAt(file, mutation.path, deepText(mutation.levels, mutation.form)))
    case "huge":
      return Buffer.from(withRawAt(file, mutation.path, JSON.stringify("A".repeat(mutation.bytes))))
    case "bom":
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes])
    case "nul": {
      const parts: Array<Buffer> = []
      let from = 0
      for (const at of mutation.at) {
        parts.push(bytes.subarray(from, at), Buffer.from([0]))
        from = at
      }
      return Buffer.concat([...parts, bytes.subarray(from)])
    }
    case "flip": {
      const copy = Buffer.from(bytes)
      for (const [offset, mask] of mutation.at) copy[offset] = copy[offset]! ^ mask
      return copy
    }
    case "raw":
      return Buffer.from(mutation.text)
  }
}

// ---- one case

type Snapshot = ReadonlyMap<string, string>

/** Every entry under `dir` by lstat (a FIFO is never opened, a loop never followed); regular files with content. */
const snapshot = (dir: string): Snapshot => {
  const entries = new Map<string, string>()
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name)
      const info = lstatSync(path)
      let content = ""
      if (info.isFile()) {
        try {
          content = readFileSync(path).toString("base64")
        } catch (error) {
          content = `unreadable: ${(error as NodeJS.ErrnoException).code}`
        }
      }
      const kind = info.isFile() ? "file" : info.isDirectory() ? "dir" : info.isFIFO() ? "fifo" : info.isSymbolicLink() ? "link" : "other"
      entries.set(path, `${kind} ${info.mode.toString(8)} ${info.mtimeMs} ${content}`)
      if (info.isDirectory()) walk(path)
    }
  }
  walk(dir)
  return entries
}

/** Opens the FIFO for writing and closes it, so a reader blocked on it gets EOF; until nobody is reading. */
const releaseFifo = async (path: string) => {
  let isFifo = false
  try {
    isFifo = lstatSync(path).isFIFO()
  } catch {
    // gone, or a loop
  }
  for (let i = 0; isFifo && i < 20; i++) {
    let fd: number
    try {
      fd = openSync(path, constants.O_WRONLY | constants.O_NONBLOCK)
    } catch {
      return // ENXIO: no reader (any more)
    }
    closeSync(fd)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

interface Case {
  readonly result: RunResult
  readonly text: string
  readonly json: string
  readonly elapsedMs: number
  readonly before: Snapshot
  readonly after: Snapshot
}

let server: FakeServer
beforeAll(async () => {
  server = await startFakeServer(EVERY_VARIANT.routes(NOW))
})
afterAll(async () => {
  await server.close()
})

/** Every provider configured, in every configuration at once, then `file` replaced by `prepare`, then one run. */
const runCase = async (file: CredentialFile, prepare: (path: string) => void): Promise<Case> => {
  const home = makeHome()
  const path = join(home.dir, file.path)
  try {
    EVERY_VARIANT.seed(home, NOW)
    rmSync(path)
    prepare(path)
    const before = snapshot(home.dir)
    const started = performance.now()
    const running = Effect.runPromiseExit(
      runWith({ HOME: home.dir, ...baseUrlEnv(server.url) }, { timeoutSeconds: TIMEOUT_SECONDS }),
      { signal: AbortSignal.timeout(BOUND_MS + 3000) }
    )
    const exit = await running.finally(() => releaseFifo(path))
    if (Exit.isFailure(exit)) throw new Error(`the run did not return a result:\n${Cause.pretty(exit.cause)}`)
    const result = exit.value
    const text = renderText(result, { lang: "en", color: false })
    const json = JSON.stringify(toJson(result, "en"), null, 2)
    const elapsedMs = performance.now() - started
    return { result, text, json, elapsedMs, before, after: snapshot(home.dir) }
  } finally {
    await releaseFifo(path)
    home.remove()
  }
}

/**
 * Fixture secrets and any part of one (they all say SECRET or FIXTURE). Searched with indexOf, not a regular
 * expression: an output may hold a run of megabytes without a space (a huge value), where `\S*` is quadratic.
 */
const leaks = (output: string): ReadonlyArray<string> => [
  ...new Set([...FIXTURE_SECRETS.filter((secret) => output.includes(secret)), ...["SECRET", "FIXTURE"].flatMap((word) => around(output, word))])
]

const around = (output: string, word: string): Array<string> => {
  const hits: Array<string> = []
  for (let at = output.indexOf(word); at !== -1; at = output.indexOf(word, at + 1)) {
    hits.push(output.slice(Math.max(0, at - 40), at + word.length + 40))
  }
  return hits
}

const STACK = /^[ \t]+at |RangeError|Maximum call stack|TypeError|SyntaxError/m

const outcomesOf = (result: RunResult) =>
  result.outcomes.map((o) => (o._tag === "Reported" ? `${o.id}: Reported` : `${o.id}: ${JSON.stringify(o.error)}`)).join("\n  ")

const expectSafe = (file: CredentialFile, run: Case) => {
  const { result } = run
  const summary = `outcomes:\n  ${outcomesOf(result)}`
  expect(run.elapsedMs, `took ${Math.round(run.elapsedMs)} ms, over the ${BOUND_MS} ms bound`).toBeLessThanOrEqual(BOUND_MS)
  for (const outcome of result.outcomes) {
    if (outcome._tag === "Failed") {
      expect(Schema.is(QuotaError)(outcome.error), `not one of our tagged errors: ${String(outcome.error)}\n${summary}`).toBe(true)
    }
  }
  for (const provider of file.independent) {
    const own = result.outcomes.filter((o) => o.id === provider)
    expect(own.length > 0 && own.every((o) => o._tag === "Reported"), `${provider} does not read ${file.name}: ${summary}`).toBe(true)
  }
  expect(run.text, "a stack trace or an exception in the text").not.toMatch(STACK)
  expect(run.json, "a stack trace or an exception in the JSON").not.toMatch(STACK)
  expect(leaks(run.text), `secrets in the text:\n${run.text}`).toEqual([])
  expect(leaks(run.json), "secrets in the JSON").toEqual([])
  expect(leaks(JSON.stringify(result.outcomes)), "secrets in the result's outcomes").toEqual([])
  expect(run.after, "a file in the home was written").toEqual(run.before)
}

/** The owners' outcomes: all failed, each an AuthFileUnreadable with one of `problems`. */
const expectUnreadable = (file: CredentialFile, run: Case, problems: ReadonlyArray<string>) => {
  for (const owner of file.owners) {
    const own = run.result.outcomes.filter((o) => o.id === owner)
    expect(own.length, `no outcome for ${owner}: ${outcomesOf(run.result)}`).toBeGreaterThan(0)
    for (const outcome of own) {
      const error = outcome._tag === "Failed" ? outcome.error : undefined
      expect(error?._tag, outcomesOf(run.result)).toBe("AuthFileUnreadable")
      if (error?._tag === "AuthFileUnreadable") {
        expect(problems, JSON.stringify(error)).toContain(error.problem)
        expect(error.path).toContain(file.path)
      }
    }
  }
}

/** The contract of the caps: over 1 MiB is `tooLarge`, deeper than 64 is `tooDeep`, for any content. */
const expectedProblem = (mutation: Mutation): ReadonlyArray<string> | undefined =>
  mutation.kind === "huge" ? ["tooLarge"] : mutation.kind === "deep" ? ["tooDeep"] : undefined

const isRoot = process.getuid?.() === 0

FILES.forEach((file, index) => {
  const seed = (SEED + index * 7919) >>> 0
  const mutations = mutationsOf(file, mulberry32(seed))

  describe.concurrent(`fuzz ${file.name} (seed ${seed}; MYSTATUS_FUZZ_SEED=${SEED} replays)`, () => {
    mutations.forEach((mutation, i) => {
      it(`#${i} ${describeMutation(mutation)}`, async () => {
        const run = await runCase(file, (path) => writeFileSync(path, materialize(file, mutation)))
        expectSafe(file, run)
        const problems = expectedProblem(mutation)
        if (problems !== undefined) expectUnreadable(file, run, problems)
      }, 20_000)
    })
  })

  describe(`${file.name} is not a regular file`, () => {
    it("a directory", async () => {
      const run = await runCase(file, (path) => mkdirSync(path))
      expectSafe(file, run)
      expectUnreadable(file, run, ["isDirectory"])
    }, 20_000)

    it.skipIf(process.platform === "win32")("a FIFO: refused without being opened", async () => {
      const run = await runCase(file, (path) => execFileSync("mkfifo", [path]))
      expectSafe(file, run)
      expectUnreadable(file, run, ["notRegularFile"])
    }, 20_000)

    it.skipIf(process.platform === "win32")(
      isRoot
        ? "mode 000 (running as root, which reads it anyway: asserts no crash only)"
        : "mode 000: permission denied",
      async () => {
        const run = await runCase(file, (path) => {
          writeFileSync(path, baseText(file))
          chmodSync(path, 0o000)
        })
        expectSafe(file, run)
        if (!isRoot) expectUnreadable(file, run, ["permissionDenied"])
      },
      20_000
    )

    it.skipIf(process.platform === "win32")("a symlink loop", async () => {
      const run = await runCase(file, (path) => symlinkSync(path, path))
      expectSafe(file, run)
      expectUnreadable(file, run, ["ioError"])
    }, 20_000)

    // The defect: the report was printed, and the process never exited (a read of the FIFO kept it alive). A process's
    // start-up can take a second on a loaded machine, so the bound is relative to a normal run just before.
    it.skipIf(process.platform === "win32")(
      `a FIFO, the CLI as a process: exits by itself, within --timeout ${TIMEOUT_SECONDS} + 1 s of a normal run`,
      async () => {
        expect(existsSync(BIN), `${BIN} is missing: run \`node scripts/build.mjs\` first (npm test does)`).toBe(true)
        const home = makeHome()
        const path = join(home.dir, file.path)
        const flags = ["--timeout", String(TIMEOUT_SECONDS), "--no-color"]
        const env = { HOME: home.dir, ...baseUrlEnv(server.url) }
        try {
          EVERY_VARIANT.seed(home, NOW)
          const baseline = await runBin(flags, env, BOUND_MS + 5000)
          expect(baseline.code, `the normal run failed:\n${baseline.stdout}\n${baseline.stderr}`).toBe(0)
          rmSync(path)
          execFileSync("mkfifo", [path])
          const run = await runBin(flags, env, baseline.elapsedMs + BOUND_MS + 5000)
          const output = expectExitedInTime(run, baseline, BOUND_MS)
          expect(run.code, output).toBe(1)
          expect(output, "a stack trace").not.toMatch(STACK)
          expect(leaks(output), output).toEqual([])
        } finally {
          await releaseFifo(path)
          home.remove()
        }
      },
      30_000
    )
  })
})
