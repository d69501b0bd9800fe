/**
 * `tsx src/program.ts [flags]` runs the CLI, as during development; importing this module runs nothing. The job
 * itself is in `run.ts`, which no face imports back: the CLI and the plugin import it from there.
 */
import { pathToFileURL } from "node:url"

export * from "./run.js"

/** Set by the bundler: a bundle has its own entry point and must not start the CLI from here. */
declare const MYSTATUS_BUNDLED: boolean | undefined

if (
  typeof MYSTATUS_BUNDLED === "undefined" && typeof process !== "undefined" && process.argv[1] !== undefined &&
  import.meta.url === pathToFileURL(process.argv[1]).href
) {
  void import("./cli/main.js")
}
