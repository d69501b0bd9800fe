import { FetchHttpClient } from "@effect/platform"
import * as NodeCommandExecutor from "@effect/platform-node/NodeCommandExecutor"
import * as NodeFileSystem from "@effect/platform-node/NodeFileSystem"
import * as NodePath from "@effect/platform-node/NodePath"
import { Layer } from "effect"

/**
 * What the program needs from its runtime besides HTTP: node:fs / node:path, and node:child_process for the one
 * command a provider runs (Claude's macOS Keychain item, read with `security`), all of which Bun implements.
 * Deep imports: the platform-node barrel costs ~2 s.
 */
export const system = Layer.mergeAll(
  NodeFileSystem.layer,
  NodePath.layer,
  NodeCommandExecutor.layer.pipe(Layer.provide(NodeFileSystem.layer))
)

/**
 * The runtime-neutral platform: `system` and fetch for HTTP, so the plugin (OpenCode's Bun) and other Effect
 * programs share it. The CLI asks over node:http instead (src/cli/platform.ts).
 */
export const platform = Layer.merge(system, FetchHttpClient.layer)
