/**
 * `npm run bench`: the cold paths and concurrency, each figure beside what it is measured against in the same run (so
 * the machine's speed cancels out) and, where the project set one (issue 15), its target and PASS/FAIL. Medians of
 * interleaved runs. Not a test: it prints numbers; a FAIL does not fail the command.
 *
 *   cold start       the bundled CLI with no accounts vs `node -e 0`, and two floors built the same way (bundled,
 *                    code-cached): the effect runtime alone, and effect with the platform layers the CLI uses
 *   whole process    the CLI with every provider behind the fake server (each request delayed by L ms) vs its cold
 *                    start + the critical path (2L: Google's refresh, then its fetch)
 *   time-to-report   the same in process, at larger L: the program's own scheduling
 *   scale            50 Google accounts vs 1, same latency
 *   plugin           in OpenCode's own Bun: the entry's import vs a bare Bun start; the tool's first call once
 *                    OpenCode is up, and later calls, vs the critical path
 *   peak RSS         of the bundled CLI, with no accounts and with every provider
 *   installed size   `npm pack`, then `npm install` of the tarball into an empty prefix
 *
 * The shell's NODE_EXTRA_CA_CERTS and the like are not passed on: they add 40-60 ms to every Node start.
 */
import { Effect } from "effect"
import { build } from "esbuild"
import { type ChildProcess, spawn, spawnSync } from "node:child_process"
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs"
import { loadavg, tmpdir } from "node:os"
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

/** A figure, what it is measured against, and the target when there is one. */
interface Row {
  readonly name: string
  readonly measured: string
  readonly reference: string
  readonly relation: string
  readonly target?: { readonly text: string; readonly pass: boolean }
}
const rows: Array<Row> = []
const row = (name: string, measured: string, reference: string, relation: string, target?: Row["target"]) =>
  void rows.push({ name, measured, reference, relation, ...(target === undefined ? {} : { target }) })
const ms = (value: number) => `${value.toFixed(1)} ms`
const plus = (value: number) => `${value >= 0 ? "+" : ""}${value.toFixed(1)} ms`

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
row("cold start: CLI, no accounts / node -e 0", ms(cold!), ms(bare!), `${(cold! / bare!).toFixed(2)}x`, {
  text: "<= 3.00x",
  pass: cold! / bare! <= 3
})
row("  floor: effect runtime alone / node -e 0", ms(floorEffect!), ms(bare!), `${(floorEffect! / bare!).toFixed(2)}x`)
row("  floor: effect + platform layers / node -e 0", ms(floorCli!), ms(bare!), `${(floorCli! / bare!).toFixed(2)}x`)
row("  CLI above the effect + platform floor", ms(cold!), ms(floorCli!), plus(cold! - floorCli!))

/** The fake providers in a process of their own, so that serving costs the measured process nothing. */
const fakeServer = async (latency: number): Promise<{ readonly url: string; readonly close: () => void }> => {
  const child: ChildProcess = spawn(process.execPath, ["--import", "tsx", join(ROOT, "scripts/fake-server.ts"), String(latency)], {
    stdio: ["ignore", "pipe", "inherit"]
  })
  const url = await new Promise<string>((resolve) => child.stdout!.once("data", (data) => resolve(String(data).trim())))
  return { url, close: () => void child.kill() }
}

// ---- the whole CLI, every provider, L = 50
const WHOLE_L = 50
const server = await fakeServer(WHOLE_L)
const seeded = makeHome()
seedHome(seeded, Date.now())
const seededEnv = { ...quietEnv, HOME: seeded.dir, ...baseUrlEnv(server.url) }
{
  const check = spawnSync(process.execPath, [CLI], { env: seededEnv, encoding: "utf8" })
  if (check.status !== 0) throw new Error(`the CLI against the fake server failed (${check.status}):\n${check.stdout}${check.stderr}`)
  const [coldAgain, whole] = interleaved([
    () => timeSpawn(process.execPath, [CLI], quietEnv),
    () => timeSpawn(process.execPath, [CLI], seededEnv)
  ])
  const over = whole! - coldAgain! - 2 * WHOLE_L
  row(`CLI whole process, every provider, L=${WHOLE_L} / cold start + 2L`, ms(whole!), ms(coldAgain! + 2 * WHOLE_L), plus(over), {
    text: "<= +40 ms",
    pass: over <= 40
  })
}

// ---- time-to-report and scale, in process (the program's own scheduling, without process start-up)
const timeRun = async (env: Record<string, string>, only: ReadonlyArray<string> = []) => {
  const started = performance.now()
  const result = await Effect.runPromise(runWith(env, { only, timeoutSeconds: 60 }))
  const elapsed = performance.now() - started
  const failed = result.outcomes.filter((o) => o._tag === "Failed")
  if (failed.length > 0) throw new Error(`bench run failed: ${JSON.stringify(failed)}`)
  return elapsed
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
  row(`time-to-report in process, L=${latency} / 2L`, ms(all), ms(critical), `${(all / critical).toFixed(3)} (${plus(all - critical)})`)
}

const googleAccounts = (count: number) => (home: ReturnType<typeof makeHome>) =>
  home.write(
    GOOGLE_ACCOUNTS_PATH,
    googleAccountsFile(Array.from({ length: count }, (_, i) => googleAccount(`bench${i}`, { email: `a${i}@example.com`, projectId: `p${i}` })))
  )
const one = await inProcess(200, googleAccounts(1), ["google"])
const fifty = await inProcess(200, googleAccounts(50), ["google"])
row("scale: 50 Google accounts / 1 (L=200)", ms(fifty), ms(one), `${(fifty / one).toFixed(3)}x`, { text: "<= 1.5x", pass: fifty / one <= 1.5 })

// ---- peak RSS, reported by the child itself on exit
{
  const rssFile = join(emptyHome, "rss")
  const reporter = join(emptyHome, "rss.cjs")
  writeFileSync(reporter, `process.on("exit", () => require("node:fs").writeFileSync(${JSON.stringify(rssFile)}, String(process.resourceUsage().maxRSS)))`)
  const rss = (args: ReadonlyArray<string>, env: NodeJS.ProcessEnv) => {
    spawnSync(process.execPath, ["--require", reporter, ...args], { env, stdio: "ignore" })
    return Number(readFileSync(rssFile, "utf8")) / 1024
  }
  const bareRss = rss(["-e", "0"], quietEnv)
  row("peak RSS: CLI, no accounts / node -e 0", `${rss([CLI], quietEnv).toFixed(0)} MB`, `${bareRss.toFixed(0)} MB`, "")
  row(`peak RSS: CLI, every provider (L=${WHOLE_L})`, `${rss([CLI], seededEnv).toFixed(0)} MB`, `${bareRss.toFixed(0)} MB`, "")
}

// ---- the plugin under OpenCode's own Bun (BUN_BE_BUN=1 makes the opencode binary behave as bun)
const bun = [join(ROOT, "node_modules/opencode-linux-x64/bin/opencode"), join(ROOT, "node_modules/.bin/opencode")]
  .find((candidate) => existsSync(candidate) && spawnSync(candidate, ["--version"], { env: { ...quietEnv, BUN_BE_BUN: "1" } }).status === 0)
if (bun === undefined) {
  row("plugin (Bun)", "skipped: no opencode binary", "", "")
} else {
  const bunEnv = { ...quietEnv, BUN_BE_BUN: "1" }
  const url = new URL(`file://${PLUGIN}`).href
  const [bareBun, withPlugin] = interleaved([
    () => timeSpawn(bun, ["-e", "0"], bunEnv),
    () => timeSpawn(bun, ["-e", `await import(${JSON.stringify(url)})`], bunEnv)
  ])
  row("plugin entry import (Bun) / bare Bun start", ms(withPlugin!), ms(bareBun!), plus(withPlugin! - bareBun!), {
    text: "<= +25 ms",
    pass: withPlugin! - bareBun! <= 25
  })
  const calls: Array<{ first: number; later: number }> = []
  for (let i = 0; i < Math.min(RUNS, 7); i++) {
    const result = spawnSync(bun, [join(ROOT, "scripts/bench-plugin.ts"), url], { env: { ...seededEnv, BUN_BE_BUN: "1" }, encoding: "utf8" })
    if (result.status !== 0) throw new Error(`plugin bench failed:\n${result.stdout}${result.stderr}`)
    calls.push(JSON.parse(result.stdout.trim().split("\n").at(-1)!))
  }
  const critical = 2 * WHOLE_L
  const first = median(calls.map((c) => c.first))
  const later = median(calls.map((c) => c.later))
  row(`plugin first tool call (Bun), L=${WHOLE_L} / 2L`, ms(first), ms(critical), plus(first - critical), {
    text: "<= +15 ms",
    pass: first - critical <= 15
  })
  row(`plugin later calls (Bun), L=${WHOLE_L} / 2L`, ms(later), ms(critical), plus(later - critical), {
    text: "<= +5 ms",
    pass: later - critical <= 5
  })
}
server.close()
seeded.remove()

// ---- installed size: what `npm i -g mystatus` puts on disk (the tarball and what it pulls from the registry)
{
  const work = mkdtempSync(join(tmpdir(), "mystatus-size-"))
  try {
    const packed = spawnSync("npm", ["pack", "--silent", "--pack-destination", work], { cwd: ROOT, encoding: "utf8" })
    const tarball = join(work, packed.stdout.trim().split("\n").at(-1)!)
    const prefix = join(work, "prefix")
    const installed = spawnSync("npm", ["install", "--global", "--prefix", prefix, "--no-audit", "--no-fund", "--ignore-scripts", tarball], {
      encoding: "utf8"
    })
    if (packed.status !== 0 || installed.status !== 0) {
      row("installed size (npm pack + install)", "skipped: npm could not install here", "", "")
    } else {
      const bytes = Number(spawnSync("du", ["-sb", prefix], { encoding: "utf8" }).stdout.split("\t")[0])
      const tarBytes = statSync(tarball).size
      row("installed size (npm pack + install -g)", `${(bytes / 1e6).toFixed(1)} MB`, `tarball ${(tarBytes / 1e6).toFixed(2)} MB`, "", {
        text: "<= 10 MB",
        pass: bytes <= 10e6
      })
    }
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

rmSync(emptyHome, { recursive: true, force: true })

const table = rows.map((r) => [r.name, r.measured, r.reference, r.relation, r.target?.text ?? "", r.target === undefined ? "" : r.target.pass ? "PASS" : "FAIL"])
const heads = ["measure", "measured", "reference", "relation", "target", ""]
const widths = heads.map((head, i) => Math.max(head.length, ...table.map((cells) => cells[i]!.length)))
const line = (cells: ReadonlyArray<string>) => cells.map((cell, i) => cell.padEnd(widths[i]!)).join(" | ").trimEnd()
console.log(`node ${process.version}, ${RUNS} runs per start-up figure, medians; load average ${loadavg().map((l) => l.toFixed(2)).join(" ")}\n`)
console.log(line(heads))
console.log(widths.map((w) => "-".repeat(w)).join("-|-"))
for (const cells of table) console.log(line(cells))
const failed = rows.filter((r) => r.target !== undefined && !r.target.pass).length
console.log(`\n${rows.filter((r) => r.target !== undefined).length - failed} targets met, ${failed} missed`)
