import { FetchHttpClient } from "@effect/platform"
import * as NodeCommandExecutor from "@effect/platform-node/NodeCommandExecutor"
import * as NodeFileSystem from "@effect/platform-node/NodeFileSystem"
import * as NodePath from "@effect/platform-node/NodePath"
import { Layer } from "effect"

/**
 * What the program needs from its runtime: fetch for HTTP, node:fs / node:path, and node:child_process for the one
 * command a provider runs (Claude's macOS Keychain item, read with `security`), all of which Bun implements, so the
 * CLI (Node) and the plugin (OpenCode's Bun) share it. Deep imports: the platform-node barrel costs ~2 s.
 */
export const platform = Layer.mergeAll(
  NodeFileSystem.layer,
  NodePath.layer,
  FetchHttpClient.layer,
  NodeCommandExecutor.layer.pipe(Layer.provide(NodeFileSystem.layer))
)
