import { Terminal } from "@xterm/headless"
import { type ChildProcess, spawn } from "node:child_process"

/**
 * The real OpenCode TUI in a pseudo-terminal (util-linux `script`), its output fed to a headless xterm so the screen
 * can be read as text (../shared/docs/opencode-tui-facts.md). The emulator's answers to the TUI's terminal queries go
 * back to it.
 */
export interface Tui {
  /** The screen now, one string per row, trailing blanks removed. */
  readonly screen: () => Promise<string>
  /** Waits until the screen matches, or fails with the screen in the message. */
  readonly waitFor: (pattern: RegExp, timeoutMs?: number) => Promise<string>
  readonly type: (text: string) => void
  readonly quit: () => Promise<number | null>
}

const COLS = 160
const ROWS = 50

export const startTui = (binary: string, env: Readonly<Record<string, string>>, cwd: string): Tui => {
  const term = new Terminal({ cols: COLS, rows: ROWS, allowProposedApi: true })
  const child: ChildProcess = spawn("script", ["-qfc", `stty cols ${COLS} rows ${ROWS}; exec ${binary}`, "/dev/null"], {
    cwd,
    env: { ...env, TERM: "xterm-256color", COLORTERM: "truecolor" },
    stdio: ["pipe", "pipe", "pipe"]
  })
  child.stdout!.on("data", (data: Buffer) => term.write(data))
  term.onData((data) => child.stdin!.write(data))
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)))

  const screen = async () => {
    await new Promise<void>((resolve) => term.write("", resolve))
    const buffer = term.buffer.active
    return Array.from({ length: ROWS }, (_, i) => buffer.getLine(buffer.viewportY + i)?.translateToString(true) ?? "")
      .join("\n")
  }
  const waitFor = async (pattern: RegExp, timeoutMs = 30_000) => {
    const deadline = Date.now() + timeoutMs
    for (;;) {
      const now = await screen()
      if (pattern.test(now)) return now
      if (Date.now() > deadline) throw new Error(`the screen never showed ${pattern}:\n${now}`)
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }
  const quit = async () => {
    child.stdin!.write("\u0003")
    await new Promise((resolve) => setTimeout(resolve, 300))
    child.stdin!.write("\u0003")
    const timer = setTimeout(() => child.kill("SIGKILL"), 5000)
    const code = await exited
    clearTimeout(timer)
    term.dispose()
    return code
  }
  return { screen, waitFor, type: (text) => void child.stdin!.write(text), quit }
}
