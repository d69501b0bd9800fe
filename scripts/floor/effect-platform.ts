// Benchmark floor: effect and the platform layers the CLI uses (node:fs, node:path, fetch), running a program that
// prints one line: what any Effect program of this shape pays before doing its own work. See scripts/bench.ts.
import { FetchHttpClient, FileSystem } from "@effect/platform"
import * as NodeFileSystem from "@effect/platform-node/NodeFileSystem"
import * as NodePath from "@effect/platform-node/NodePath"
import { Console, Effect, Layer } from "effect"

const program = Effect.flatMap(FileSystem.FileSystem, (fs) => Effect.flatMap(fs.exists("/nonexistent"), () => Console.log("floor")))

Effect.runFork(program.pipe(Effect.provide(Layer.mergeAll(NodeFileSystem.layer, NodePath.layer, FetchHttpClient.layer))))
