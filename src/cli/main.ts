import { Command, Options, ValidationError } from "@effect/cli"
import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
import * as NodeTerminal from "@effect/platform-node/NodeTerminal"
import { Config, Console, Effect, Layer, Option, Schema } from "effect"
import pkg from "../../package.json" with { type: "json" }
import { DEFAULT_TIMEOUT_SECONDS, exitCode, layer, run } from "../program.js"
import { Providers } from "../providers/index.js"
import { JsonReport } from "../schema/json.js"
import { langFromEnvironment, LANGS } from "../services/Messages.js"
import { platform } from "../services/Platform.js"
import { renderText, toJson } from "../services/Render.js"

const command = (ids: ReadonlyArray<string>, color: boolean) =>
  Command.make(
    "mystatus",
    {
      json: Options.boolean("json").pipe(Options.withDescription("Print the report as JSON (contract version 1).")),
      provider: Options.choice("provider", ids).pipe(
        Options.repeated,
        Options.withDescription("Ask only this provider; repeat for several. Default: every configured one.")
      ),
      timeout: Options.integer("timeout").pipe(
        Options.withDefault(DEFAULT_TIMEOUT_SECONDS),
        Options.filterMap((n) => (n > 0 ? Option.some(n) : Option.none()), "--timeout must be a positive number of seconds"),
        Options.withDescription("Seconds each provider may take.")
      ),
      lang: Options.choice("lang", LANGS).pipe(
        Options.optional,
        Options.withDescription("Language. Default: from LC_ALL, LC_MESSAGES or LANG, then the system locale.")
      ),
      noColor: Options.boolean("no-color").pipe(Options.withDescription("Never colour the output (also: NO_COLOR)."))
    },
    (args) =>
      Effect.gen(function*() {
        const lang = Option.isSome(args.lang) ? args.lang.value : yield* langFromEnvironment
        const result = yield* run({ only: args.provider, timeoutSeconds: args.timeout })
        yield* Console.log(
          args.json
            ? JSON.stringify(yield* Schema.encode(JsonReport)(toJson(result, lang)), null, 2)
            : renderText(result, { lang, color: color && !args.noColor }).trimEnd()
        )
        process.exitCode = exitCode(result)
      })
  )

const ANSI = /\u001b\[[0-9;]*m/g

/** @effect/cli always colours its help and errors; without colour we strip it on the way out. */
const withoutColor = <A, E, R>(effect: Effect.Effect<A, E, R>) =>
  Console.consoleWith((console) => {
    const strip = (args: ReadonlyArray<unknown>) => args.map((arg) => (typeof arg === "string" ? arg.replace(ANSI, "") : arg))
    return Console.withConsole(effect, {
      ...console,
      log: (...args) => console.log(...strip(args)),
      error: (...args) => console.error(...strip(args))
    })
  })

const main = Effect.gen(function*() {
  const ids = (yield* Providers).map((provider) => provider.id)
  // NO_COLOR: any value, even empty, turns colour off (no-color.org).
  const noColor = yield* Config.option(Config.string("NO_COLOR")).pipe(Effect.orElseSucceed(() => Option.some("")))
  const color = process.stdout.isTTY === true && Option.isNone(noColor) && !process.argv.includes("--no-color")
  const cli = Command.run(command(ids, color), { name: "mystatus", version: pkg.version })(process.argv).pipe(
    Effect.catchIf(ValidationError.isValidationError, () => Effect.sync(() => void (process.exitCode = 2)))
  )
  yield* color ? cli : withoutColor(cli)
})

// The program's platform plus the terminal @effect/cli writes to (NodeContext would add processes and workers).
main.pipe(
  Effect.provide(layer.pipe(Layer.provideMerge(Layer.merge(platform, NodeTerminal.layer)))),
  NodeRuntime.runMain
)
