// Benchmark floor: effect, @effect/cli and the Node platform layers the CLI uses, running a one-flag command that
// prints one line: what any @effect/cli program pays before doing its own work. See scripts/bench.ts.
import { Command, Options } from "@effect/cli"
import * as NodeFileSystem from "@effect/platform-node/NodeFileSystem"
import * as NodePath from "@effect/platform-node/NodePath"
import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
import * as NodeTerminal from "@effect/platform-node/NodeTerminal"
import { Console, Effect, Layer } from "effect"

const command = Command.make("floor", { json: Options.boolean("json") }, () => Console.log("floor"))

Command.run(command, { name: "floor", version: "0" })(process.argv).pipe(
  Effect.provide(Layer.mergeAll(NodeFileSystem.layer, NodePath.layer, NodeTerminal.layer)),
  NodeRuntime.runMain
)
