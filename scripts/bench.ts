/**
 * `npm run bench`: start-up and concurrency, each as a ratio measured in the same run (so the machine's speed
 * cancels out). Medians over several runs. Not a test: it prints numbers, it does not judge them.
 *
 *   cold start       the bundled CLI with no accounts vs `node -e 0`, and two floors built the same way (bundled,
 *                    code-cached): the effect runtime alone, and effect with the platform layers the CLI uses
 *   time-to-report   every provider behind the loopback fake server, each request delayed by L ms, vs the critical
 *                    path (the longest chain of requests that must follow each other: Google's refresh then fetch)
 *   scale            50 Google accounts vs 1, same latency
 *   plugin import    the plugin entry imported by OpenCode's Bun vs a bare Bun start
 *   peak RSS         of the bundled CLI, with no accounts and with every provider
 */
import { Effect } from "effect"
import { build } from "esbuild"
import { type ChildProcess, spawn, spawnSync } from "node:child_process"
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { ACCOUNTS_PATH as GOOGLE_ACCOUNTS_PATH, googleAccount, googleAccountsFile } from "../test/providers/google/fixtures.js"
import { baseUrlEnv, seedHome } from "../test/support/fixtures.js"
import { makeHome, runWith } from "../test/support/Home.js"
import { common, writeCodeCache } from "./esbuild-options.mjs"

const ROOT = fileURLToPath(new URL("..", import.meta.url))
const CLI = join(ROOT, "dist/cli.cjs")
const PLUGIN = join(ROOT, "dist/plugin/index.js")
const RUNS = Number(process.env.BENCH_RUNS ?? 11)

if (!existsSync(CLI) || !existsSync(PLUGIN)) {
  console.error("dist/ is missing: run npm run build first")
  process.exit(2)
}

const median = (values: ReadonlyArray<number>) => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

const timeSpawn = (command: string, args: ReadonlyArray<string>, env: NodeJS.ProcessEnv = process.env) => {
  const started = performance.now()
  const result = spawnSync(command, args, { env, stdio: ["ignore", "pipe", "pipe"] })
  const elapsed = performance.now() - started
  if (result.error) throw result.error
  return elapsed
}

/** Medians of several commands, run interleaved so that machine noise hits them alike. */
const interleaved = (commands: ReadonlyArray<() => number>) => {
  const samples = commands.map(() => [] as Array<number>)
  commands.forEach((command) => command()) // warm the file cache
  for (let i = 0; i < RUNS; i++) commands.forEach((command, j) => samples[j]!.push(command()))
  return samples.map(median)
}

const rows: Array<[string, string, string, string]> = []
const row = (name: string, measured: string, reference: string, ratio: string) => rows.push([name, measured, reference, ratio])
const ms = (value: number) => `${value.toFixed(1)} ms`

// ---- cold start, and the floors any Effect program of this shape pays
const emptyHome = mkdtempSync(join(tmpdir(), "mystatus-bench-"))
const quietEnv = { PATH: process.env.PATH ?? "", HOME: emptyHome, LANG: "en_US.UTF-8" }
const floors = await Promise.all(["effect", "effect-platform"].map(async (name) => {
  const bundle = join(emptyHome, `${name}.cjs`)
  await build({ ...common, absWorkingDir: ROOT, entryPoints: [join(ROOT, `scripts/floor/${name}.ts`)], format: "cjs", outfile: bundle })
  writeCodeCache(bundle, quietEnv)
  const loader = join(emptyHome, `${name}-bin.cjs`)
  writeFileSync(loader, readFileSync(join(ROOT, "src/cli/bin.cjs"), "utf8").replace("cli-bundle.cjs", `${name}.cjs`))
  return loader
}))
const [bare, cold, floorEffect, floorCli] = interleaved([
  () => timeSpawn(process.execPath, ["-e", "0"], quietEnv),
  () => timeSpawn(process.execPath, [CLI], quietEnv),
  () => timeSpawn(process.execPath, [floors[0]!], quietEnv),
  () => timeSpawn(process.execPath, [floors[1]!], quietEnv)
])
row("cold start: CLI, no accounts / node -e 0", ms(cold!), ms(bare!), `${(cold! / bare!).toFixed(2)}x`)
row("  floor: effect runtime alone / node -e 0", ms(floorEffect!), ms(bare!), `${(floorEffect! / bare!).toFixed(2)}x`)
row("  floor: effect + platform layers / node -e 0", ms(floorCli!), ms(bare!), `${(floorCli! / bare!).toFixed(2)}x`)

// ---- time-to-report and scale, in process (the program's own scheduling, without process start-up)
const timeRun = async (env: Record<string, string>, only: ReadonlyArray<string> = []) => {
  const started = performance.now()
  const result = await Effect.runPromise(runWith(env, { only, timeoutSeconds: 60 }))
  const elapsed = performance.now() - started
  const failed = result.outcomes.filter((o) => o._tag === "Failed")
  if (failed.length > 0) throw new Error(`bench run failed: ${JSON.stringify(failed)}`)
  return elapsed
}

/** The fake providers in a process of their own, so that serving costs the measured process nothing. */
const fakeServer = async (latency: number): Promise<{ readonly url: string; readonly close: () => void }> => {
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", join(ROOT, "scripts/fake-server.ts"), String(latency)], {
    stdio: ["ignore", "pipe", "inherit"]
  })
  const url = await new Promise<string>((resolve) => child.stdout!.once("data", (data) => resolve(String(data).trim())))
  return { url, close: () => void child.kill() }
}

const inProcess = async (latency: number, setup: (home: ReturnType<typeof makeHome>) => void, only: ReadonlyArray<string> = []) => {
  const server = await fakeServer(latency)
  const home = makeHome()
  setup(home)
  const env = { HOME: home.dir, ...baseUrlEnv(server.url) }
  await timeRun(env, only) // warm-up: module initialisation and JIT
  const samples: Array<number> = []
  for (let i = 0; i < Math.min(RUNS, 7); i++) samples.push(await timeRun(env, only))
  server.close()
  home.remove()
  return median(samples)
}

for (const latency of [200, 1000]) {
  const all = await inProcess(latency, (home) => seedHome(home, Date.now()))
  const critical = 2 * latency
  row(`time-to-report, L=${latency} ms / critical path 2L`, ms(all), ms(critical), `${(all / critical).toFixed(3)} (+${(all - critical).toFixed(1)} ms)`)
}

const googleAccounts = (count: number) => (home: ReturnType<typeof makeHome>) =>
  home.write(
    GOOGLE_ACCOUNTS_PATH,
    googleAccountsFile(Array.from({ length: count }, (_, i) => googleAccount(`bench${i}`, { email: `a${i}@example.com`, projectId: `p${i}` })))
  )
const one = await inProcess(200, googleAccounts(1), ["google"])
const fifty = await inProcess(200, googleAccounts(50), ["google"])
row("scale: 50 Google accounts / 1 (L=200 ms)", ms(fifty), ms(one), `${(fifty / one).toFixed(3)}x`)

// ---- the whole CLI against the fake server, for reference
{
  const server = await fakeServer(200)
  const home = makeHome()
  seedHome(home, Date.now())
  const env = { ...quietEnv, HOME: home.dir, ...baseUrlEnv(server.url) }
  const samples: Array<number> = []
  for (let i = 0; i < Math.min(RUNS, 7); i++) {
    samples.push(await new Promise<number>((resolve, reject) => {
      const started = performance.now()
      import("node:child_process").then(({ execFile }) =>
        execFile(process.execPath, [CLI, "--json"], { env }, (error) =>
          error && error.code !== 1 ? reject(error) : resolve(performance.now() - started))
      )
    }))
  }
  const whole = median(samples)
  row("CLI end to end, L=200 ms / cold start + 2L", ms(whole), ms(cold! + 400), `${(whole / (cold! + 400)).toFixed(3)}`)

  // ---- peak RSS, reported by the child itself on exit
  const rssFile = join(emptyHome, "rss")
  const reporter = join(emptyHome, "rss.cjs")
  writeFileSync(reporter, `process.on("exit", () => require("node:fs").writeFileSync(${JSON.stringify(rssFile)}, String(process.resourceUsage().maxRSS)))`)
  const rss = (childEnv: NodeJS.ProcessEnv) => {
    spawnSync(process.execPath, ["--require", reporter, CLI], { env: childEnv, stdio: "ignore" })
    return Number(readFileSync(rssFile, "utf8")) / 1024
  }
  const bareRss = (() => {
    spawnSync(process.execPath, ["--require", reporter, "-e", "0"], { env: quietEnv, stdio: "ignore" })
    return Number(readFileSync(rssFile, "utf8")) / 1024
  })()
  const fullRss = await new Promise<number>((resolve) => {
    import("node:child_process").then(({ execFile }) =>
      execFile(process.execPath, ["--require", reporter, CLI], { env }, () => resolve(Number(readFileSync(rssFile, "utf8")) / 1024))
    )
  })
  row("peak RSS: CLI, no accounts / node -e 0", `${rss(quietEnv).toFixed(0)} MB`, `${bareRss.toFixed(0)} MB`, "")
  row("peak RSS: CLI, every provider (L=200 ms)", `${fullRss.toFixed(0)} MB`, "", "")
  server.close()
  home.remove()
}

// ---- plugin import under OpenCode's own Bun (BUN_BE_BUN=1 makes the opencode binary behave as bun)
const bun = [join(ROOT, "node_modules/opencode-linux-x64/bin/opencode"), join(ROOT, "node_modules/.bin/opencode")]
  .find((candidate) => existsSync(candidate) && spawnSync(candidate, ["--version"], { env: { ...quietEnv, BUN_BE_BUN: "1" } }).status === 0)
if (bun === undefined) {
  row("plugin import (Bun)", "skipped: no opencode binary", "", "")
} else {
  const bunEnv = { ...quietEnv, BUN_BE_BUN: "1" }
  const url = JSON.stringify(new URL(`file://${PLUGIN}`).href)
  const [bareBun, withPlugin, firstCall] = interleaved([
    () => timeSpawn(bun, ["-e", "0"], bunEnv),
    () => timeSpawn(bun, ["-e", `await import(${url})`], bunEnv),
    () =>
      timeSpawn(bun, ["-e", `const m = await import(${url}); const h = await m.default.server({}); await h.tool.mystatus.execute({}, { abort: new AbortController().signal }); await h.dispose()`], bunEnv)
  ])
  row("plugin import (Bun) / bare Bun start", ms(withPlugin!), ms(bareBun!), `+${(withPlugin! - bareBun!).toFixed(1)} ms`)
  row("first tool call, no accounts (Bun) / bare Bun", ms(firstCall!), ms(bareBun!), `+${(firstCall! - bareBun!).toFixed(1)} ms`)
}

rmSync(emptyHome, { recursive: true, force: true })

const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i]!.length), ["measure", "measured", "reference", "ratio"][i]!.length))
const line = (cells: ReadonlyArray<string>) => cells.map((cell, i) => cell.padEnd(widths[i]!)).join(" | ")
console.log(`node ${process.version}, ${RUNS} runs per start-up figure, medians\n`)
console.log(line(["measure", "measured", "reference", "ratio"]))
console.log(widths.map((w) => "-".repeat(w)).join("-|-"))
for (const r of rows) console.log(line(r))
