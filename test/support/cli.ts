import { expect } from "@effect/vitest"
import { type ChildProcess, execFile, spawn } from "node:child_process"
import { fileURLToPath } from "node:url"

export interface CliRun {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
}

const PROGRAM = fileURLToPath(new URL("../../src/program.ts", import.meta.url))
/** The published bin, built by `npm run build` (which `npm test` runs first). */
export const BIN = fileURLToPath(new URL("../../dist/cli.cjs", import.meta.url))

const command = (args: ReadonlyArray<string>, from: "source" | "bin") =>
  from === "source" ? ["--import", "tsx", PROGRAM, ...args] : [BIN, ...args]

/** Only what the test gives, plus what Node needs to start: nothing of the developer's own setup leaks in. */
const environment = (env: Readonly<Record<string, string>>) => ({ PATH: process.env.PATH ?? "", LANG: "en_US.UTF-8", ...env })

/**
 * The CLI as a user runs it, in a clean environment (only what the test gives): from source with tsx, as during
 * development, or the bundled bin with plain node.
 */
export const runCli = (
  args: ReadonlyArray<string>,
  env: Readonly<Record<string, string>>,
  from: "source" | "bin" = "source"
): Promise<CliRun> =>
  new Promise((resolve) => {
    execFile(
      process.execPath,
      command(args, from),
      { env: environment(env), timeout: 60_000 },
      (error, stdout, stderr) => resolve({ code: error === null ? 0 : Number(error.code ?? 1), stdout, stderr })
    )
  })

/** A running CLI, for what happens to it meanwhile (signals); `done` settles when it has exited. */
export interface CliProcess {
  readonly child: ChildProcess
  readonly done: Promise<CliRun & { readonly signal: NodeJS.Signals | null; readonly endedAt: number }>
}

export const spawnCli = (
  args: ReadonlyArray<string>,
  env: Readonly<Record<string, string>>,
  from: "source" | "bin" = "source"
): CliProcess => {
  const child = spawn(process.execPath, command(args, from), { env: environment(env), stdio: ["ignore", "pipe", "pipe"] })
  let stdout = ""
  let stderr = ""
  child.stdout.on("data", (chunk: Buffer) => void (stdout += chunk.toString("utf8")))
  child.stderr.on("data", (chunk: Buffer) => void (stderr += chunk.toString("utf8")))
  const done = new Promise<CliRun & { readonly signal: NodeJS.Signals | null; readonly endedAt: number }>((resolve) => {
    child.on("exit", (code, signal) => {
      const endedAt = Date.now()
      // "close" follows once the pipes are drained: the output is complete then.
      child.on("close", () => resolve({ code: code ?? -1, signal, stdout, stderr, endedAt }))
    })
  })
  return { child, done }
}

export interface ProcessRun {
  readonly code: number | null
  readonly signal: string | null
  readonly stdout: string
  readonly stderr: string
  readonly elapsedMs: number
  /** From the last byte the process wrote to its exit: a process that lingers after its report is a defect. */
  readonly lingerMs: number
}

/** The built bin, killed (by its own pid) if it outlives `killAfterMs`, so a process that never exits fails fast. */
export const runBin = (args: ReadonlyArray<string>, env: Readonly<Record<string, string>>, killAfterMs: number) =>
  new Promise<ProcessRun>((resolve, reject) => {
    const started = performance.now()
    let lastOutput = started
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { PATH: process.env.PATH ?? "", LANG: "en_US.UTF-8", ...env },
      stdio: ["ignore", "pipe", "pipe"]
    })
    let stdout = ""
    let stderr = ""
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      stdout += chunk
      lastOutput = performance.now()
    })
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk
      lastOutput = performance.now()
    })
    const killer = setTimeout(() => child.kill("SIGKILL"), killAfterMs)
    child.on("error", reject)
    child.on("close", (code, signal) => {
      clearTimeout(killer)
      const now = performance.now()
      resolve({ code, signal, stdout, stderr, elapsedMs: now - started, lingerMs: now - lastOutput })
    })
  })

/**
 * The process ended by itself, within `boundMs` of what the same command takes when every server answers, and
 * within a second of its last output (the defect: a report printed, then a process that never exits). Returns
 * everything it printed.
 */
export const expectExitedInTime = (run: ProcessRun, baseline: ProcessRun, boundMs: number): string => {
  const output = `${run.stdout}\n${run.stderr}`
  expect(run.signal, `the process did not exit by itself (killed); it printed:\n${output}`).toBeNull()
  expect(run.lingerMs, `the process exited ${Math.round(run.lingerMs)} ms after its last output`).toBeLessThanOrEqual(1000)
  expect(
    run.elapsedMs,
    `the process took ${Math.round(run.elapsedMs)} ms; a normal run ${Math.round(baseline.elapsedMs)} ms`
  ).toBeLessThanOrEqual(baseline.elapsedMs + boundMs)
  return output
}
