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
