import { execFile } from "node:child_process"
import { fileURLToPath } from "node:url"

export interface CliRun {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
}

const PROGRAM = fileURLToPath(new URL("../../src/program.ts", import.meta.url))
/** The published bin, built by `npm run build` (which `npm test` runs first). */
export const BIN = fileURLToPath(new URL("../../dist/cli.cjs", import.meta.url))

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
      from === "source" ? ["--import", "tsx", PROGRAM, ...args] : [BIN, ...args],
      { env: { PATH: process.env.PATH ?? "", LANG: "en_US.UTF-8", ...env }, timeout: 60_000 },
      (error, stdout, stderr) => resolve({ code: error === null ? 0 : Number(error.code ?? 1), stdout, stderr })
    )
  })
