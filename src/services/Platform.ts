import { FetchHttpClient } from "@effect/platform"
import * as NodeFileSystem from "@effect/platform-node/NodeFileSystem"
import * as NodePath from "@effect/platform-node/NodePath"
import { Layer } from "effect"

/**
 * What the program needs from its runtime: fetch for HTTP and node:fs / node:path, all of which Bun implements, so
 * the CLI (Node) and the plugin (OpenCode's Bun) share it. Deep imports: the platform-node barrel costs ~2 s.
 */
export const platform = Layer.mergeAll(NodeFileSystem.layer, NodePath.layer, FetchHttpClient.layer)
