import { Clock, Effect, Layer, ManagedRuntime } from "effect"
import { type Lang, langFromEnvironment, LOCALES, parseLang } from "../i18n/index.js"
import { Providers } from "../providers/registry.js"
import { doctor } from "../doctor/doctor.js"
import { renderDoctorText } from "../render/doctor.js"
import { History } from "../history/History.js"
import { pacesFor } from "../history/insight.js"
import { renderText } from "../render/text.js"
import { DEFAULT_TIMEOUT_SECONDS, layer, run } from "../run.js"
import { platform } from "../services/Platform.js"
import { findProvider } from "../services/QuotaProvider.js"

/**
 * The program for one plugin instance: one runtime over runtime-neutral layers (fetch, and a node:fs FileSystem,
 * which Bun implements), built on first use and disposed with the plugin. Loaded lazily by the entry.
 */
export const makeQuota = () => {
  const runtime = ManagedRuntime.make(Layer.merge(layer, History.layer).pipe(Layer.provideMerge(platform)))

  /**
   * The report as text, for the names asked (ids, names or aliases; none means all), in `lang` when it names a
   * language we speak, else the environment's (as the CLI detects it). Never fails: a cancelled call says so.
   */
  const report = async (requested: ReadonlyArray<string>, lang: string | undefined, signal?: AbortSignal): Promise<string> => {
    const chosen: Lang = (lang === undefined ? undefined : parseLang(lang)) ?? await runtime.runPromise(langFromEnvironment)
    const words = LOCALES[chosen]
    return runtime.runPromise(
      Effect.gen(function*() {
        const providers = yield* Providers
        // `/mystatus doctor [offline]`: the command's template passes what follows it as `provider`. No platform is
        // called that. "offline" (or "--offline", as the CLI spells it) skips the live queries.
        const [first, ...rest] = requested.flatMap((name) => name.toLowerCase().split(/\s+/)).filter((word) => word !== "")
        if (first === "doctor" && rest.every((word) => word === "offline" || word === "--offline")) {
          const checks = yield* doctor({ offline: rest.length > 0, timeoutSeconds: DEFAULT_TIMEOUT_SECONDS })
          const names = new Map(providers.map((p) => [p.id, p.name]))
          return renderDoctorText(checks, { lang: chosen, now: yield* Clock.currentTimeMillis, names, plain: false })
        }
        const unknown = requested.filter((name) => findProvider(providers, name) === undefined)
        if (unknown.length > 0) return words.cli.unknownProvider(unknown, providers.map((p) => p.id))
        const only = requested.map((name) => findProvider(providers, name)!.id)
        const result = yield* run({ only, timeoutSeconds: DEFAULT_TIMEOUT_SECONDS })
        // The same history as the CLI's: the tool's answers add to it, and show pace from it.
        const paces = yield* pacesFor(result, { record: true })
        return renderText(result, { lang: chosen, color: false, paces }).trimEnd()
      }),
      signal === undefined ? undefined : { signal }
    ).catch((error: unknown) => {
      if (signal?.aborted === true) return words.cli.cancelled
      throw error
    })
  }

  /**
   * What a first call would otherwise pay before its first request leaves: building the layers, the locale, and
   * each platform's credentials read and decoded (read-only; nothing is asked of the network). Failures are the
   * report's to show, on the call.
   */
  const warm = () =>
    runtime.runPromise(Effect.gen(function*() {
      yield* langFromEnvironment
      const providers = yield* Providers
      yield* Effect.forEach(providers, (provider) => Effect.either(provider.accounts), { concurrency: "unbounded", discard: true })
    })).catch(() => undefined)

  return { report, warm, dispose: () => runtime.dispose() }
}
