#!/usr/bin/env node
// Bundles the two entry points users run, tree-shaken, for plain Node 20 and for Bun (OpenCode):
//   dist/cli.js           the `mystatus` bin (shebang, no dependencies left to resolve)
//   dist/plugin/index.js  the OpenCode plugin: a tiny entry plus a lazily imported chunk with the program
// esbuild: one fast dependency (already under tsx), ESM output with code splitting, nothing to configure.
import { build } from "esbuild"
import { rmSync } from "node:fs"

rmSync(new URL("../dist", import.meta.url), { recursive: true, force: true })

const common = {
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  legalComments: "none",
  logLevel: "warning",
  // Bundled CommonJS dependencies may call require() for Node built-ins.
  banner: { js: "import { createRequire as __createRequire } from \"node:module\"; const require = __createRequire(import.meta.url);" }
}

await build({
  ...common,
  entryPoints: { cli: "src/cli/main.ts" },
  outdir: "dist",
  banner: { js: `#!/usr/bin/env node\n${common.banner.js}` }
})

await build({
  ...common,
  entryPoints: { index: "src/plugin/index.ts" },
  outdir: "dist/plugin",
  splitting: true,
  chunkNames: "chunks/[name]-[hash]",
  // OpenCode's plugin API (tool() and its zod) comes from the host's own package.
  external: ["@opencode-ai/plugin"],
  // program.ts starts the CLI when run as a script; the plugin never is, so the CLI stays out of its bundle.
  plugins: [{
    name: "no-cli",
    setup: (esbuild) => esbuild.onResolve({ filter: /\/cli\/main\.js$/ }, (args) => ({ path: args.path, external: true }))
  }]
})
