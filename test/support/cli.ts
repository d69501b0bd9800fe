import { execFile } from "node:child_process"
import { fileURLToPath } from "node:url"

export interface CliRun {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
}

const PROGRAM = fileURLToPath(new URL("../../src/program.ts", import.meta.url))

/** The CLI as a user runs it (`tsx src/program.ts`), in a clean environment: only what the test gives. */
export const runCli = (args: ReadonlyArray<string>, env: Readonly<Record<string, string>>): Promise<CliRun> =>
  new Promise((resolve) => {
    execFile(
      process.execPath,
      ["--import", "tsx", PROGRAM, ...args],
      { env: { PATH: process.env.PATH ?? "", LANG: "en_US.UTF-8", ...env }, timeout: 60_000 },
      (error, stdout, stderr) => resolve({ code: error === null ? 0 : Number(error.code ?? 1), stdout, stderr })
    )
  })
