#!/usr/bin/env node
// Bundles what users run, tree-shaken and minified, for plain Node 20 and for Bun (OpenCode):
//   dist/cli.cjs                      the `mystatus` bin: a small loader (src/cli/bin.cjs) that runs
//   dist/cli-bundle.cjs (+ .cache)    the CLI, with V8's code cache for it, made here by running it once
//   dist/plugin/index.js              the OpenCode plugin: a tiny entry plus a lazily imported chunk
//   dist/tui/index.js                 the OpenCode TUI module (sidebar, toasts): the same shape
//   dist/lib/index.js, dist/types/    the library for other Effect programs: ESM, dependencies left to the user
// esbuild: fast, already in the tree under tsx, ESM/CJS output with code splitting and aliases, no config file.
//
// `--if-stale` (used by `npm start`) skips the build when dist/ is newer than every source file.
import { build } from "esbuild"
import { execFileSync } from "node:child_process"
import { chmodSync, copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { fileURLToPath } from "node:url"
import { common as shared, writeCodeCache } from "./esbuild-options.mjs"

const root = fileURLToPath(new URL("..", import.meta.url))
const dist = join(root, "dist")

const newest = (path) =>
  statSync(path).isDirectory()
    ? Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))))
    : statSync(path).mtimeMs
if (process.argv.includes("--if-stale") && existsSync(join(dist, "types/index.d.ts"))) {
  const sources = Math.max(...["src", "scripts", "package.json", "package-lock.json"].map((p) => newest(join(root, p))))
  if (sources < newest(dist)) process.exit(0)
}
rmSync(dist, { recursive: true, force: true })
const common = { ...shared, absWorkingDir: root }

// The CLI as CommonJS: V8's code cache can be used through node:vm for scripts, not for ES modules.
// undici (proxy support) stays a runtime dependency, loaded only when a proxy variable is set: bundled, its
// ~0.5 MB (minified) would be parsed on every start. Its import() becomes require(): the bin runs the bundle
// through node:vm, where import() has no loader.
await build({
  ...common,
  entryPoints: ["src/cli/main.ts"],
  format: "cjs",
  outfile: join(dist, "cli-bundle.cjs"),
  external: ["undici"],
  supported: { "dynamic-import": false }
})
copyFileSync(join(root, "src/cli/bin.cjs"), join(dist, "cli.cjs"))
chmodSync(join(dist, "cli.cjs"), 0o755)

// Run the CLI once (no accounts: nothing is asked of the network; exit code 2 says so) and keep what V8 compiled.
// Warming it against every provider was measured too: no faster than this (scripts/bench.ts, "CLI end to end").
const home = mkdtempSync(join(tmpdir(), "mystatus-build-"))
try {
  writeCodeCache(join(dist, "cli-bundle.cjs"), { HOME: home, LANG: "C" }, [2])
} finally {
  rmSync(home, { recursive: true, force: true })
}

await build({
  ...common,
  entryPoints: { index: "src/plugin/index.ts" },
  format: "esm",
  outdir: join(dist, "plugin"),
  splitting: true,
  chunkNames: "chunks/[name]-[hash]",
  // Bundled CommonJS dependencies may call require() for Node built-ins.
  banner: { js: "import { createRequire as __createRequire } from \"node:module\"; const require = __createRequire(import.meta.url);" }
})

// The OpenCode TUI module (tui.json): a tiny entry plus its program as a second bundle, imported in the background.
// The entry imports OpenCode's own @opentui/solid and solid-js, which OpenCode maps to its bundled copies when it
// loads the plugin (they are not our dependencies). In the real OpenCode 1.18.33 a minified entry failed to load
// (silently: "Cannot find module '@opentui/solid'" when imported by hand) and the same entry unminified loads; why
// was not found. So the entry stays unminified (3 KB) and the program, which imports nothing of OpenCode's, is minified.
await build({
  ...common,
  minify: false,
  entryPoints: { index: "src/tui/index.ts" },
  format: "esm",
  outdir: join(dist, "tui"),
  external: ["@opentui/solid", "solid-js", "./model.js"]
})
await build({
  ...common,
  entryPoints: { model: "src/tui/model.ts" },
  format: "esm",
  outdir: join(dist, "tui"),
  banner: { js: "import { createRequire as __createRequire } from \"node:module\"; const require = __createRequire(import.meta.url);" }
})

// The library is not bundled with its dependencies: an Effect program brings its own effect and platform.
await build({
  ...common,
  minify: false,
  entryPoints: ["src/index.ts"],
  format: "esm",
  outfile: join(dist, "lib/index.js"),
  packages: "external"
})
execFileSync(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", join(root, "tsconfig.build.json")], { stdio: "inherit" })
