import * as NodeFileSystem from "@effect/platform-node/NodeFileSystem"
import * as NodePath from "@effect/platform-node/NodePath"
import { describe, expect, it } from "@effect/vitest"
import { ConfigProvider, Effect, Layer, Schema } from "effect"
import { spawn } from "node:child_process"
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs"
import { readFile } from "node:fs/promises"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { afterEach } from "vitest"
import {
  History,
  HistoryError,
  MAX_FILE_BYTES,
  RETENTION_MS,
  Sample,
  samplesOf
} from "../../src/history/History.js"
import { Timeout } from "../../src/schema/errors.js"
import type { RunResult, Window } from "../../src/schema/report.js"

const DAY = 86_400_000
const platform = Layer.mergeAll(NodeFileSystem.layer, NodePath.layer)

const cleanup: Array<() => void> = []
afterEach(() => {
  for (const undo of cleanup.splice(0)) undo()
})

const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "mystatus-history-"))
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }))
  return dir
}

/** A history over `dir/history.jsonl`. */
const historyIn = (dir: string) => History.make(join(dir, "history.jsonl")).pipe(Effect.provide(platform))

/** The history the layer builds from this environment (and no other). */
const historyFromEnv = (env: Record<string, string>) =>
  Effect.flatMap(History, Effect.succeed).pipe(
    Effect.provide(History.layer),
    Effect.provide(platform),
    Effect.withConfigProvider(ConfigProvider.fromMap(new Map(Object.entries(env))))
  )

const sample = (at: number, over: Partial<Sample> = {}): Sample => ({
  at,
  provider: "claude",
  account: "acct-1",
  window: "5h",
  usedPercent: 42.5,
  resetsAt: at + 3_600_000,
  ...over
})
const line = (s: Sample) => JSON.stringify(s) + "\n"
const fileLines = (file: string) => readFileSync(file, "utf8").split("\n").filter((l) => l !== "")
const decodeLine = Schema.decodeUnknownSync(Schema.parseJson(Sample))

const window = (over: Partial<Window>): Window => ({
  scope: null,
  windowSeconds: 18000,
  usedPercent: 10,
  resetsAt: null,
  used: null,
  limit: null,
  unit: null,
  ...over
})

const GENERATED = new Date(Date.UTC(2025, 5, 1, 12))
const RESET = new Date(Date.UTC(2025, 5, 1, 15))

const result: RunResult = {
  generatedAt: GENERATED,
  sources: [],
  notConfigured: [],
  outcomes: [
    {
      _tag: "Reported",
      id: "claude",
      name: "Claude",
      accountKey: "claude:org-1",
      report: {
        account: "me@example.com",
        plan: "max",
        notes: [],
        windows: [
          window({ usedPercent: 76.3, resetsAt: RESET }),
          window({ windowSeconds: 7 * 86400, usedPercent: 12 }),
          window({ scope: { _tag: "Named", name: "Gemini Pro" }, windowSeconds: 86400, usedPercent: 3 }),
          // Same key as the first ("5h"): the first wins.
          window({ usedPercent: 99 }),
          window({ windowSeconds: null, usedPercent: 0, unlimited: true, unit: "requests" })
        ]
      }
    },
    {
      _tag: "Failed",
      id: "openai",
      name: "OpenAI",
      account: null,
      accountKey: "openai:x",
      error: new Timeout({ provider: "openai", seconds: 5 })
    },
    {
      _tag: "Reported",
      id: "copilot",
      name: "Copilot",
      accountKey: "copilot:octocat",
      report: {
        account: "octocat",
        plan: null,
        notes: [],
        windows: [window({ scope: { _tag: "Known", key: "premiumRequests" }, windowSeconds: null, usedPercent: 50 })]
      }
    }
  ]
}

describe("samplesOf", () => {
  it("one sample per (provider, account, window key) of each reported account, at the run's time", () => {
    const at = GENERATED.getTime()
    expect(samplesOf(result)).toEqual([
      { at, provider: "claude", account: "claude:org-1", window: "5h", usedPercent: 76.3, resetsAt: RESET.getTime() },
      { at, provider: "claude", account: "claude:org-1", window: "weekly", usedPercent: 12, resetsAt: null },
      { at, provider: "claude", account: "claude:org-1", window: "model:gemini-pro:daily", usedPercent: 3, resetsAt: null },
      { at, provider: "copilot", account: "copilot:octocat", window: "premium-requests", usedPercent: 50, resetsAt: null }
    ])
    expect(samplesOf(result, 1234).map((s) => s.at)).toEqual([1234, 1234, 1234, 1234])
  })
})

describe("History", () => {
  it.live("records a run and reads it back; the file is private and one JSON object per line", () =>
    Effect.gen(function*() {
      const dir = tempDir()
      const state = join(dir, "state")
      const history = yield* historyFromEnv({ HOME: dir, XDG_STATE_HOME: state })
      expect(history.file).toBe(join(state, "mystatus", "history.jsonl"))
      expect(yield* history.read).toEqual([])
      const now = Date.now()
      yield* history.record(result, now)
      yield* history.record(result, now + 1000)
      const expected = [...samplesOf(result, now), ...samplesOf(result, now + 1000)]
      expect(yield* history.read).toEqual(expected)
      expect(fileLines(history.file).map((l) => decodeLine(l))).toEqual(expected)
      expect(statSync(history.file).mode & 0o777).toBe(0o600)
      expect(statSync(join(state, "mystatus")).mode & 0o777).toBe(0o700)
    }))

  it.live("lives in ~/.local/state unless XDG_STATE_HOME is absolute", () =>
    Effect.gen(function*() {
      const dir = tempDir()
      const relative = yield* historyFromEnv({ HOME: dir, XDG_STATE_HOME: "state" })
      expect(relative.file).toBe(join(dir, ".local", "state", "mystatus", "history.jsonl"))
      const unset = yield* historyFromEnv({ HOME: dir })
      expect(unset.file).toBe(join(dir, ".local", "state", "mystatus", "history.jsonl"))
      yield* unset.append([sample(Date.now())])
      expect(fileLines(unset.file)).toHaveLength(1)
    }))

  it.live("skips garbage, half lines, wrong shapes and over-long lines", () =>
    Effect.gen(function*() {
      const dir = tempDir()
      const history = yield* historyIn(dir)
      const now = Date.now()
      const good = [sample(now - 3000), sample(now - 2000, { window: "weekly" }), sample(now - 1000, { usedPercent: 0 })]
      const huge = { ...sample(now), provider: "x".repeat(10_000) }
      writeFileSync(
        history.file,
        line(good[0]!) +
          "not json at all\n" +
          line(good[1]!).slice(0, 40) + "\n" +
          JSON.stringify({ ...sample(now), at: "yesterday" }) + "\n" +
          JSON.stringify({ ...sample(now), usedPercent: null }) + "\n" +
          "[1,2,3]\nnull\n\n" +
          JSON.stringify(huge) + "\n" +
          "\u0000\u00ff\ufffd\n" +
          line(good[1]!) +
          line(good[2]!).slice(0, -1) // the last line, whole but without its newline
      )
      expect(yield* history.read).toEqual(good)
    }))

  it.live("an append after a torn last line keeps the torn line apart", () =>
    Effect.gen(function*() {
      const dir = tempDir()
      const history = yield* historyIn(dir)
      const now = Date.now()
      writeFileSync(history.file, line(sample(now - 2000)) + line(sample(now - 1000)).slice(0, 30))
      yield* history.append([sample(now)])
      expect(yield* history.read).toEqual([sample(now - 2000), sample(now)])
    }))

  it.live("drops samples older than 30 days: read hides them, compaction removes them", () =>
    Effect.gen(function*() {
      const dir = tempDir()
      const history = yield* historyIn(dir)
      const now = Date.now()
      const old = Array.from({ length: 10 }, (_, i) => sample(now - 40 * DAY + i))
      const recent = Array.from({ length: 10 }, (_, i) => sample(now - DAY + i, { usedPercent: i }))
      writeFileSync(history.file, [...old, ...recent].map(line).join(""))
      expect(yield* history.read).toEqual(recent)
      yield* history.append([sample(now)])
      // The oldest sample was past retention: the file was rewritten without the old ones.
      expect(fileLines(history.file).map((l) => decodeLine(l))).toEqual([...recent, sample(now)])
      expect(readdirSync(dir)).toEqual(["history.jsonl"])
    }))

  it.live("an oldest sample just past 30 days does not rewrite the file on every append (a day's grace)", () =>
    Effect.gen(function*() {
      const dir = tempDir()
      const history = yield* historyIn(dir)
      const now = Date.now()
      const expired = sample(now - RETENTION_MS - DAY / 2)
      writeFileSync(history.file, line(expired) + line(sample(now - 1000)))
      yield* history.append([sample(now)])
      expect(fileLines(history.file)).toHaveLength(3)
      expect(yield* history.read).toEqual([sample(now - 1000), sample(now)])
    }))

  it.live("keeps the file under its size cap, dropping the oldest samples", () =>
    Effect.gen(function*() {
      const dir = tempDir()
      const history = yield* historyIn(dir)
      const now = Date.now()
      const one = line(sample(now, { account: "acct-00000" })).length
      const count = Math.floor(MAX_FILE_BYTES / one)
      const filler = Array.from({ length: count }, (_, i) => sample(now - count + i, { account: `acct-${String(i).padStart(5, "0")}` }))
      writeFileSync(history.file, filler.map(line).join(""))
      expect(statSync(history.file).size).toBeLessThanOrEqual(MAX_FILE_BYTES)
      const batch = [sample(now, { account: "new-1" }), sample(now, { account: "new-2" })]
      yield* history.append(batch)
      const size = statSync(history.file).size
      expect(size).toBeLessThanOrEqual(MAX_FILE_BYTES * 3 / 4)
      const kept = fileLines(history.file).map((l) => decodeLine(l))
      // The newest filler samples, in order, then the batch.
      expect(kept.slice(-2)).toEqual(batch)
      expect(kept.slice(0, -2)).toEqual(filler.slice(filler.length - (kept.length - 2)))
      expect(kept.length).toBeLessThan(count)
      expect(readdirSync(dir)).toEqual(["history.jsonl"])
    }))

  it.live("many fibers appending at once lose nothing", () =>
    Effect.gen(function*() {
      const dir = tempDir()
      const history = yield* historyIn(dir)
      const now = Date.now()
      const writers = Array.from({ length: 8 }, (_, w) =>
        Array.from({ length: 200 }, (_, i) => sample(now + i, { account: `w${w}`, usedPercent: i })))
      yield* Effect.forEach(
        writers,
        (samples) => Effect.forEach(samples, (s) => history.append([s]), { discard: true }),
        { concurrency: "unbounded", discard: true }
      )
      const read = yield* history.read
      expect(read).toHaveLength(1600)
      for (const samples of writers) {
        expect(read.filter((s) => s.account === samples[0]!.account)).toEqual(samples)
      }
    }))

  it("two processes appending at once lose nothing", async () => {
    const dir = tempDir()
    const cwd = fileURLToPath(new URL("../..", import.meta.url))
    // The script resolves packages through a link to ours, so it shares their module instances with History.ts.
    symlinkSync(join(cwd, "node_modules"), join(dir, "node_modules"), "dir")
    const script = join(dir, "appender.mts")
    writeFileSync(
      script,
      `import { Effect, Layer } from "effect"
import * as NodeFileSystem from "@effect/platform-node/NodeFileSystem"
import * as NodePath from "@effect/platform-node/NodePath"
import { History } from ${JSON.stringify(new URL("../../src/history/History.ts", import.meta.url).href)}
const name = process.argv[2]
process.stdout.write("ready\\n")
await new Promise((go) => process.stdin.once("data", go))
const program = Effect.gen(function*() {
  const history = yield* History
  for (let i = 0; i < 200; i++) {
    yield* history.append([{ at: Date.now(), provider: name, account: "a", window: String(i), usedPercent: i, resetsAt: null }])
  }
})
await Effect.runPromise(program.pipe(Effect.provide(History.layer), Effect.provide(Layer.mergeAll(NodeFileSystem.layer, NodePath.layer))))
`
    )
    const state = join(dir, "state")
    const children = ["one", "two"].map((name) => {
      const child = spawn(process.execPath, ["--import", "tsx", script, name], {
        cwd,
        env: { ...process.env, HOME: dir, XDG_STATE_HOME: state },
        stdio: ["pipe", "pipe", "pipe"]
      })
      let stderr = ""
      child.stderr.on("data", (chunk) => (stderr += chunk))
      const exit = new Promise<number | null>((resolve) => child.on("close", resolve))
      const ready = new Promise<void>((resolve, reject) => {
        child.stdout.once("data", () => resolve())
        void exit.then((code) => reject(new Error(`appender exited (${code}): ${stderr}`)))
      })
      return { child, ready, exit, stderr: () => stderr }
    })
    await Promise.all(children.map((c) => c.ready))
    for (const c of children) c.child.stdin.end("go\n")
    const codes = await Promise.all(children.map((c) => c.exit))
    expect(codes, children.map((c) => c.stderr()).join("\n")).toEqual([0, 0])
    const read = await Effect.runPromise(historyIn(join(state, "mystatus")).pipe(Effect.flatMap((h) => h.read)))
    expect(read).toHaveLength(400)
    // The two really wrote at the same time: their lines interleave.
    const order = read.map((s) => s.provider)
    expect(order.indexOf("two")).toBeLessThan(order.lastIndexOf("one"))
    expect(order.indexOf("one")).toBeLessThan(order.lastIndexOf("two"))
    for (const name of ["one", "two"]) {
      expect(read.filter((s) => s.provider === name).map((s) => s.window)).toEqual(
        Array.from({ length: 200 }, (_, i) => String(i))
      )
    }
  })

  it.live("compaction replaces the file at once: a reader never sees half of it, and no temp file is left", () =>
    Effect.gen(function*() {
      const dir = tempDir()
      const history = yield* historyIn(dir)
      const now = Date.now()
      const old = Array.from({ length: 2000 }, (_, i) => sample(now - 40 * DAY + i))
      const recent = Array.from({ length: 4000 }, (_, i) => sample(now - DAY + i, { account: `r${i}` }))
      let reads = 0
      for (let round = 0; round < 10; round++) {
        writeFileSync(history.file, [...old, ...recent].map(line).join(""))
        let done = false
        const reader = Effect.promise(async () => {
          while (!done) {
            const text = await readFile(history.file, "utf8")
            reads += 1
            expect(text.endsWith("\n")).toBe(true)
            for (const l of text.slice(0, -1).split("\n")) decodeLine(l)
          }
        })
        const writer = history.append([sample(now, { account: `round-${round}` })]).pipe(
          Effect.ensuring(Effect.sync(() => (done = true)))
        )
        yield* Effect.all([reader, writer], { concurrency: "unbounded", discard: true })
        expect(fileLines(history.file).map((l) => decodeLine(l))).toEqual([...recent, sample(now, { account: `round-${round}` })])
        expect(readdirSync(dir)).toEqual(["history.jsonl"])
      }
      expect(reads).toBeGreaterThanOrEqual(10)
    }))

  it.live("a directory it cannot create or a file that is not one is a HistoryError, never a throw", () =>
    Effect.gen(function*() {
      const dir = tempDir()
      // A regular file where the state directory should be (permissions would not stop root).
      writeFileSync(join(dir, "blocker"), "")
      const blocked = yield* historyFromEnv({ HOME: dir, XDG_STATE_HOME: join(dir, "blocker") })
      const error = yield* Effect.flip(blocked.append([sample(Date.now())]))
      expect(error).toBeInstanceOf(HistoryError)
      expect(error).toMatchObject({ _tag: "HistoryError", operation: "write", path: blocked.file })
      expect(["ENOTDIR", "EEXIST"]).toContain(error.reason)
      // A directory where the file should be: read and append both refuse it.
      mkdirSync(join(dir, "state", "mystatus", "history.jsonl"), { recursive: true })
      const directory = yield* historyFromEnv({ HOME: dir, XDG_STATE_HOME: join(dir, "state") })
      expect(yield* Effect.flip(directory.read)).toMatchObject({ _tag: "HistoryError", operation: "read", reason: "NotRegularFile" })
      expect(yield* Effect.flip(directory.record(result))).toMatchObject({ _tag: "HistoryError", operation: "write" })
    }))
})
