import { execFileSync, spawn } from "node:child_process"
import { existsSync, mkdirSync, writeFileSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { makeHome } from "../support/Home.js"
import { type ChatRequest, textOf } from "./FakeLlm.js"

const ROOT = fileURLToPath(new URL("../..", import.meta.url))

/**
 * The real `opencode` binary (opencode-ai, pinned in package.json). Its bin is a stub until opencode-ai's
 * postinstall has run, so the platform package's binary is the fallback.
 */
export const findOpencode = (): string => {
  const candidates = [
    join(ROOT, "node_modules/.bin/opencode"),
    join(ROOT, "node_modules/opencode-linux-x64/bin/opencode"),
    join(ROOT, "node_modules/opencode-linux-x64-baseline/bin/opencode")
  ]
  for (const candidate of candidates) {
    if (!existsSync(candidate)) continue
    try {
      execFileSync(candidate, ["--version"], { stdio: "ignore", timeout: 60_000 })
      return candidate
    } catch {
      // not runnable here: try the next
    }
  }
  throw new Error(`no runnable opencode binary among ${candidates.join(", ")}; run npm ci`)
}

/**
 * An isolated OpenCode home, offline: every XDG dir and TMPDIR inside it, the global config written as the README
 * tells users to (`~/.config/opencode/opencode.json` with our plugin), and the fake LLM as the only provider.
 */
export const makeOpencodeHome = (options: { readonly plugin: string | null; readonly llmBaseUrl: string }) => {
  const home = makeHome()
  const config = join(home.dir, ".config/opencode")
  home.write(".config/opencode/opencode.json", {
    $schema: "https://opencode.ai/config.json",
    plugin: options.plugin === null ? [] : [options.plugin],
    autoupdate: false,
    share: "disabled",
    enabled_providers: ["fake"],
    model: "fake/fake-model",
    small_model: "fake/fake-model",
    provider: {
      fake: {
        npm: "@ai-sdk/openai-compatible",
        name: "Fake LLM",
        options: { baseURL: options.llmBaseUrl, apiKey: "fake-key" },
        models: { "fake-model": { name: "Fake Model", tool_call: true, limit: { context: 100000, output: 4096 } } }
      }
    }
  })
  // OpenCode runs `npm install @opencode-ai/plugin` in each config dir at start-up and waits for it before loading
  // plugins (about 70 s of retries offline). It skips a dir whose lock already names that package.
  mkdirSync(join(config, "node_modules"), { recursive: true })
  writeFileSync(join(config, "package.json"), JSON.stringify({ dependencies: { "@opencode-ai/plugin": "*" } }))
  writeFileSync(
    join(config, "package-lock.json"),
    JSON.stringify({ lockfileVersion: 3, packages: { "": { dependencies: { "@opencode-ai/plugin": "*" } } } })
  )
  mkdirSync(join(home.dir, "tmp"), { recursive: true })
  mkdirSync(join(home.dir, "work"), { recursive: true })
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "",
    LANG: "en_US.UTF-8",
    HOME: home.dir,
    XDG_CONFIG_HOME: join(home.dir, ".config"),
    XDG_DATA_HOME: join(home.dir, ".local/share"),
    XDG_CACHE_HOME: join(home.dir, ".cache"),
    XDG_STATE_HOME: join(home.dir, ".local/state"),
    TMPDIR: join(home.dir, "tmp"),
    OPENCODE_DISABLE_AUTOUPDATE: "1",
    OPENCODE_DISABLE_MODELS_FETCH: "1",
    OPENCODE_DISABLE_SHARE: "1",
    OPENCODE_DISABLE_LSP_DOWNLOAD: "1",
    OPENCODE_DISABLE_PROJECT_CONFIG: "1",
    npm_config_offline: "true"
  }
  return { home, env, workdir: join(home.dir, "work") }
}

export interface RunEvent {
  readonly type: string
  readonly part?: {
    readonly tool?: string
    readonly state?: { readonly status?: string; readonly output?: string; readonly error?: string; readonly input?: unknown }
  }
}

export interface OpencodeRun {
  readonly code: number | null
  readonly events: ReadonlyArray<RunEvent>
  readonly log: string
}

/** `opencode run --format json`, stdin closed (an open stdin is read to EOF and appended to the prompt). */
export const runOpencode = (
  binary: string,
  args: ReadonlyArray<string>,
  env: Readonly<Record<string, string>>,
  cwd: string
): Promise<OpencodeRun> =>
  new Promise((resolve) => {
    const child = spawn(binary, ["run", "--print-logs", "--format", "json", "--model", "fake/fake-model", ...args], {
      cwd,
      env,
      stdio: ["ignore", "pipe", "pipe"],
      timeout: 120_000
    })
    let stdout = ""
    let log = ""
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")))
    child.stderr.on("data", (chunk: Buffer) => (log += chunk.toString("utf8")))
    child.on("close", (code) => {
      const events = stdout.split("\n").flatMap((line) => {
        try {
          return line.trim() === "" ? [] : [JSON.parse(line) as RunEvent]
        } catch {
          return []
        }
      })
      resolve({ code, events, log })
    })
  })

/**
 * What proves the tool ran inside OpenCode and its output reached the model. OpenCode exits 0 even when a plugin
 * fails to load, so the exit code proves nothing. Returns the problems found (none = proven) and the tool output.
 */
export const verifyToolRun = (
  requests: ReadonlyArray<ChatRequest>,
  run: OpencodeRun,
  tool: string
): { readonly problems: ReadonlyArray<string>; readonly output: string; readonly userMessages: ReadonlyArray<string> } => {
  const problems: Array<string> = []
  const toolMessages = requests.flatMap((r) => (r.messages ?? []).filter((m) => m.role === "tool").map((m) => textOf(m.content)))
  const used = run.events.filter((e) => e.type === "tool_use" && e.part?.tool === tool)
  const completed = used.find((e) => e.part?.state?.status === "completed")
  if (completed === undefined) {
    problems.push(`no completed tool_use of ${tool}: ${JSON.stringify(used.map((e) => e.part?.state))}`)
  }
  const output = completed?.part?.state?.output ?? ""
  if (completed !== undefined && !toolMessages.some((message) => message.includes(output.slice(0, 200)))) {
    problems.push("the tool's output never reached the model")
  }
  if (toolMessages.length === 0) {
    const offered = [...new Set(requests.flatMap((r) => (r.tools ?? []).map((t) => t.function?.name)))]
    const errors = run.log.split("\n").filter((line) => /level=ERROR/.test(line)).slice(0, 5)
    problems.push(`the model received no tool result (tools offered: ${offered.join(", ") || "none"}; ${errors.join(" | ")})`)
  }
  const userMessages = requests.flatMap((r) => (r.messages ?? []).filter((m) => m.role === "user").map((m) => textOf(m.content)))
  return { problems, output, userMessages }
}
