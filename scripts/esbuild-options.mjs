// What the build and the benchmark share: esbuild's options for our bundles, and making a V8 code cache.
import { execFileSync } from "node:child_process"
import { dirname } from "node:path"

export const common = {
  bundle: true,
  platform: "node",
  target: "node20",
  minify: true,
  legalComments: "none",
  logLevel: "warning",
  // program.ts starts the CLI when it is the script being run; in a bundle that branch is dropped, and with it the
  // only use of import.meta (which CommonJS output would otherwise warn about).
  define: { MYSTATUS_BUNDLED: "true" },
  logOverride: { "empty-import-meta": "silent" },
  // Code the bundles can never run, replaced to keep start-up parsing small (see the stubs for why).
  alias: {
    "fast-check": "./scripts/stubs/no-fast-check.js",
    // Its "main" is a UMD build whose require() calls esbuild cannot follow; the ES module build bundles cleanly.
    "jsonc-parser": "jsonc-parser/lib/esm/main.js"
  }
}

/**
 * Runs a CommonJS bundle once (as src/cli/bin.cjs would) and writes what V8 compiled meanwhile to `<bundle>.cache`.
 * `okStatus` lists the exit codes that count as a normal run.
 */
export const writeCodeCache = (bundle, env, okStatus = [0]) => {
  const script = `
const { readFileSync, writeFileSync } = require("node:fs")
const { Script } = require("node:vm")
const file = ${JSON.stringify(bundle)}
const script = new Script(require("node:module").wrap(readFileSync(file, "utf8")), { filename: file })
process.once("exit", () => writeFileSync(file + ".cache", script.createCachedData()))
process.argv = [process.argv[0], file]
script.runInThisContext()(module.exports, require, module, file, ${JSON.stringify(dirname(bundle))})
`
  try {
    execFileSync(process.execPath, ["-e", script], { env: { PATH: process.env.PATH ?? "", ...env }, stdio: "ignore" })
  } catch (error) {
    if (!okStatus.includes(error.status)) throw error
  }
}
