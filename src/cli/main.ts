/**
 * The `mystatus` command.
 *
 * Arguments are read with Node's own `util.parseArgs` (strict), not @effect/cli: its built-in options cannot be
 * turned off and do harm here (`--wizard` hangs without a terminal and writes ANSI codes into pipes,
 * `--log-level` prints nothing, `--completions` is a feature we do not support), its errors and help cannot be
 * worded or translated as every other message is (Messages.ts), and loading it was a large part of start-up.
 *
 * The run is a fiber this file owns: Ctrl-C (SIGINT) and SIGTERM interrupt it, which aborts the requests in flight,
 * then the process exits 130 or 143 without printing a partial report. Otherwise the output is written, drained, and
 * the process exits with the run's code at once: a request abandoned at its timeout must not hold it open. An
 * unref'd timer is the backstop: whatever a file or a server does, the process ends a second after `--timeout`.
 */
import { Cause, Effect, Exit, Fiber, Layer, Option } from "effect"
import pkg from "../../package.json" with { type: "json" }
import { type Lang, langFromEnvironment, LANGS, LOCALES } from "../i18n/index.js"
import { Providers } from "../providers/registry.js"
import { helpText } from "../render/help.js"
import { toJson } from "../render/json.js"
import { Path } from "@effect/platform"
import { Clock } from "effect"
import { doctor, doctorExitCode } from "../doctor/doctor.js"
import { doctorJson, renderDoctorText } from "../render/doctor.js"
import { ResultCache } from "../cache/ResultCache.js"
import { History } from "../history/History.js"
import { type Paces, pacesFor } from "../history/insight.js"
import { renderLine } from "../render/line.js"
import type { RunResult } from "../schema/report.js"
import { watch } from "../watch.js"
import { renderText } from "../render/text.js"
import { DEFAULT_TIMEOUT_SECONDS, exitCode, layer, run } from "../run.js"
import { FORMATS, MAX_TIMEOUT_SECONDS, OPTION_NAMES, parseCommandLine, RANGES } from "./args.js"
import { cliPlatform } from "./platform.js"

/** What the command prints, where, and the exit code that follows. */
interface Answer {
  readonly text: string
  readonly to: "stdout" | "stderr"
  readonly code: number
}

/** 128 + the signal's number, as shells report a process a signal ended. */
const SIGNAL_EXIT = { SIGINT: 130, SIGTERM: 143 } as const

/** After the timeout, the per-account timeouts have answered; this is the slack for writing the report. */
const BACKSTOP_SLACK_MS = 900

/** The exit code once the process is on its way out (an answer being written, or a signal): nothing else is printed. */
let exiting: number | undefined

/** Ends the process once `text` has reached the OS, even when the reader is gone (EPIPE: `mystatus | head -1`). */
const finish = ({ code, text, to }: Answer) => {
  if (exiting !== undefined) return
  exiting = code
  const stream = to === "stdout" ? process.stdout : process.stderr
  stream.once("error", () => process.exit(code))
  stream.write(text, () => process.exit(code))
}

const backstop = (seconds: number, lang: Lang) =>
  setTimeout(() => {
    finish({ to: "stderr", text: `${LOCALES[lang].cli.stopped(seconds + 1)}\n`, code: 1 })
    // An output that does not drain (a reader that stopped reading) must not keep the process either.
    setTimeout(() => process.exit(exiting), 100).unref()
  }, seconds * 1000 + BACKSTOP_SLACK_MS).unref()

/** A time of day as HH:MM:SS, local (no Intl: see i18n/index.ts). */
const clock = (epochMs: number) => new Date(epochMs).toTimeString().slice(0, 8)

const main: Effect.Effect<
  Answer,
  never,
  Providers | Path.Path | ResultCache | History | Effect.Effect.Context<ReturnType<typeof run>>
> = Effect.gen(
  function*() {
    const providers = yield* Providers
    const command = parseCommandLine(process.argv.slice(2), providers, DEFAULT_TIMEOUT_SECONDS)
    switch (command._tag) {
      case "Help": {
        const files = new Map<string, Array<string>>()
        for (const provider of providers) {
          for (const source of provider.sources) files.set(source.path, [...(files.get(source.path) ?? []), provider.id])
        }
        return {
          to: "stdout",
          code: 0,
          text: helpText({
            version: pkg.version,
            providers,
            files: [...files].map(([path, ids]) => ({ path, ids: [...new Set(ids)] })),
            defaultTimeoutSeconds: DEFAULT_TIMEOUT_SECONDS,
            maxTimeoutSeconds: MAX_TIMEOUT_SECONDS
          })
        }
      }
      case "Version":
        return { to: "stdout", code: 0, text: `${pkg.version}\n` }
      case "Invalid": {
        const lang = command.lang ?? (yield* langFromEnvironment)
        const context = { providers: providers.map((p) => p.id), options: OPTION_NAMES, languages: LANGS, formats: FORMATS, ranges: RANGES }
        return { to: "stderr", code: 2, text: `${LOCALES[lang].cli.argument(command.problem, context)}\n` }
      }
      case "Run": {
        const lang = command.lang ?? (yield* langFromEnvironment)
        const terminal = process.stdout.isTTY === true
        // no-color.org: only a non-empty NO_COLOR turns colour off.
        const color = terminal && (process.env.NO_COLOR ?? "") === "" && !command.noColor
        const render = (result: RunResult, paces: Paces, stale?: ReadonlyMap<string, number>) =>
          command.format === "json"
            ? JSON.stringify(toJson(result, lang, { warnAt: command.warnAt, paces }), null, 2)
            : command.format === "line"
            ? renderLine(result, { lang, color, warnAt: command.warnAt })
            : renderText(result, {
              lang,
              color,
              width: terminal ? process.stdout.columns : undefined,
              suggestDoctor: true,
              warnAt: command.warnAt,
              paces,
              ...(stale === undefined ? {} : { stale })
            }).trimEnd()
        // The line has no room for pace: the history is only written there (status bars run it every few seconds).
        const pacesOf = (result: RunResult, record: boolean, earlier: ReadonlySet<string> = new Set()) =>
          command.format === "line" && !(record && command.history)
            ? Effect.succeed<Paces>(new Map())
            : pacesFor(result, { record: record && command.history, earlier }).pipe(
              Effect.map((paces): Paces => (command.format === "line" ? new Map() : paces))
            )

        if (command.watchSeconds !== null) {
          const intervalSeconds = command.watchSeconds
          // A reader that goes away (`mystatus --watch | head`) ends the watch quietly.
          yield* Effect.sync(() => process.stdout.on("error", () => process.exit(0)))
          return yield* watch({ only: command.only, timeoutSeconds: command.timeoutSeconds, intervalSeconds }, (frame) =>
            Effect.gen(function*() {
              const earlier = new Set(frame.stale.keys())
              const body = render(frame.result, yield* pacesOf(frame.result, true, earlier), frame.stale)
              const footer = LOCALES[lang].report.watchFooter(clock(frame.nextAt), clock(frame.result.generatedAt.getTime()))
              // On a terminal the report is drawn again in place (cursor home, screen cleared); elsewhere each report
              // follows the last, a blank line between them.
              yield* Effect.sync(() =>
                process.stdout.write(terminal ? `\u001b[H\u001b[2J${body}\n\n${footer}\n` : `${body}\n\n`)
              )
            }))
        }

        yield* Effect.sync(() => backstop(command.timeoutSeconds, lang))
        const cache = yield* ResultCache
        const cached = command.maxAgeSeconds > 0 ? yield* cache.get(command.only, command.maxAgeSeconds) : Option.none()
        const result = Option.isSome(cached)
          ? cached.value.result
          : yield* run({ only: command.only, timeoutSeconds: command.timeoutSeconds })
        // Kept for the status bars' `--format line` (and any run given --max-age) to reuse.
        if (Option.isNone(cached) && (command.format === "line" || command.maxAgeSeconds > 0)) yield* cache.set(command.only, result)
        // An answer from the cache is shown as of now: its resets count down from this moment, not from when it came.
        const shown = Option.isSome(cached) ? { ...result, generatedAt: new Date(yield* Clock.currentTimeMillis) } : result
        const text = render(shown, yield* pacesOf(result, Option.isNone(cached)))
        return { to: "stdout", code: exitCode(result, command.failUnder), text: `${text}\n` }
      }
      case "Doctor": {
        const lang = command.lang ?? (yield* langFromEnvironment)
        yield* Effect.sync(() => backstop(command.timeoutSeconds, lang))
        const checks = yield* doctor({ offline: command.offline, timeoutSeconds: command.timeoutSeconds })
        const context = { lang, now: yield* Clock.currentTimeMillis, names: new Map(providers.map((p) => [p.id, p.name])) }
        const plain = command.noColor || (process.env.NO_COLOR ?? "") !== "" || process.env.TERM === "dumb"
        const text = command.json
          ? JSON.stringify(doctorJson(checks, context), null, 2)
          : renderDoctorText(checks, { ...context, plain })
        return { to: "stdout", code: doctorExitCode(checks), text: `${text}\n` }
      }
    }
  }
)

const fiber = Effect.runFork(main.pipe(Effect.provide(
  Layer.mergeAll(layer, ResultCache.layer, History.layer).pipe(Layer.provideMerge(cliPlatform))
)))

fiber.addObserver((exit) => {
  if (Exit.isSuccess(exit)) return finish(exit.value)
  if (exiting !== undefined) return
  // A bug, not an outcome (the run never fails). Only the error's kind is shown: its message could quote anything.
  const error = Cause.squash(exit.cause)
  const lang = Effect.runSync(langFromEnvironment)
  finish({ to: "stderr", code: 1, text: `${LOCALES[lang].cli.internalError(error instanceof Error ? error.name : typeof error)}\n` })
})

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    const code = SIGNAL_EXIT[signal]
    // A second signal, or one during the final write: leave now.
    if (exiting !== undefined) process.exit(code)
    exiting = code
    // Interrupting aborts the requests in flight; the timer covers an interruption that does not settle.
    setTimeout(() => process.exit(code), 500)
    Effect.runPromise(Fiber.interrupt(fiber)).finally(() => process.exit(code))
  })
}
