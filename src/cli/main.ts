import { Command, Options, ValidationError } from "@effect/cli"
import { FetchHttpClient } from "@effect/platform"
import * as NodeContext from "@effect/platform-node/NodeContext"
import * as NodeRuntime from "@effect/platform-node/NodeRuntime"
import { Config, Console, Effect, Layer, Option, Schema } from "effect"
import pkg from "../../package.json" with { type: "json" }
import { DEFAULT_TIMEOUT_SECONDS, exitCode, layer, run } from "../program.js"
import { Providers } from "../providers/index.js"
import { JsonReport } from "../schema/json.js"
import { detectLang, LANGS } from "../services/Messages.js"
import { renderText, toJson } from "../services/Render.js"

const optionalEnv = (name: string) => Config.string(name).pipe(Config.option)

const command = Command.make(
  "mystatus",
  {
    json: Options.boolean("json").pipe(Options.withDescription("Print the report as JSON (contract version 1)")),
    provider: Options.text("provider").pipe(
      Options.repeated,
      Options.withDescription("Only ask this provider (repeatable, or comma-separated): openai, zhipu, zai")
    ),
    timeout: Options.integer("timeout").pipe(
      Options.withDefault(DEFAULT_TIMEOUT_SECONDS),
      Options.filterMap((n) => (n > 0 ? Option.some(n) : Option.none()), "--timeout must be a positive number of seconds"),
      Options.withDescription("Seconds each provider may take")
    ),
    lang: Options.choice("lang", LANGS).pipe(
      Options.optional,
      Options.withDescription("Language (default: from LC_ALL, LC_MESSAGES, LANG)")
    ),
    noColor: Options.boolean("no-color").pipe(Options.withDescription("Never colour the output"))
  },
  (args) =>
    Effect.gen(function*() {
      const known = (yield* Providers).map((p) => p.id)
      const only = args.provider.flatMap((value) => value.split(",")).map((id) => id.trim()).filter((id) => id !== "")
      const unknown = only.filter((id) => !known.includes(id))
      if (unknown.length > 0) {
        yield* Console.error(`Unknown provider: ${unknown.join(", ")}. Known providers: ${known.join(", ")}.`)
        process.exitCode = 2
        return
      }
      const env = yield* Config.all({
        LC_ALL: optionalEnv("LC_ALL"),
        LC_MESSAGES: optionalEnv("LC_MESSAGES"),
        LANG: optionalEnv("LANG"),
        NO_COLOR: optionalEnv("NO_COLOR")
      }).pipe(Effect.orElseSucceed(() => ({ LC_ALL: Option.none(), LC_MESSAGES: Option.none(), LANG: Option.none(), NO_COLOR: Option.none() })))
      const lang = Option.getOrElse(args.lang, () =>
        detectLang({
          LC_ALL: Option.getOrUndefined(env.LC_ALL),
          LC_MESSAGES: Option.getOrUndefined(env.LC_MESSAGES),
          LANG: Option.getOrUndefined(env.LANG)
        }, Intl.DateTimeFormat().resolvedOptions().locale))
      const color = !args.noColor && process.stdout.isTTY === true && Option.isNone(env.NO_COLOR)

      const result = yield* run({ only, timeoutSeconds: args.timeout })
      const output = args.json
        ? JSON.stringify(yield* Schema.encode(JsonReport)(toJson(result, lang)), null, 2)
        : renderText(result, { lang, color }).trimEnd()
      yield* Console.log(output)
      process.exitCode = exitCode(result)
    })
)

const cli = Command.run(command, { name: "mystatus", version: pkg.version })

cli(process.argv).pipe(
  Effect.catchIf(ValidationError.isValidationError, () => Effect.sync(() => { process.exitCode = 2 })),
  Effect.provide(layer.pipe(Layer.provideMerge(Layer.mergeAll(NodeContext.layer, FetchHttpClient.layer)))),
  NodeRuntime.runMain
)
