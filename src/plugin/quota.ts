import { Effect, Layer, ManagedRuntime } from "effect"
import { DEFAULT_TIMEOUT_SECONDS, layer, run } from "../program.js"
import { Providers } from "../providers/index.js"
import { langFromEnvironment } from "../services/Messages.js"
import { findProvider } from "../services/QuotaProvider.js"
import { platform } from "../services/Platform.js"
import { renderText } from "../services/Render.js"

/**
 * The program for one plugin instance: one runtime over runtime-neutral layers (fetch, and a node:fs FileSystem,
 * which Bun implements), built on first use and disposed with the plugin. Loaded lazily by the entry.
 */
export const makeQuota = () => {
  const runtime = ManagedRuntime.make(layer.pipe(Layer.provideMerge(platform)))

  /** The report as text, for the names asked (ids, names or aliases; none means all). Never fails. */
  const report = (requested: ReadonlyArray<string>, signal?: AbortSignal): Promise<string> =>
    runtime.runPromise(
      Effect.gen(function*() {
        const providers = yield* Providers
        const unknown = requested.filter((name) => findProvider(providers, name) === undefined)
        if (unknown.length > 0) {
          return `Unknown provider: ${unknown.join(", ")}. Known providers: ${providers.map((p) => p.id).join(", ")}.`
        }
        const only = requested.map((name) => findProvider(providers, name)!.id)
        const result = yield* run({ only, timeoutSeconds: DEFAULT_TIMEOUT_SECONDS })
        return renderText(result, { lang: yield* langFromEnvironment, color: false }).trimEnd()
      }),
      signal === undefined ? undefined : { signal }
    )

  return { report, dispose: () => runtime.dispose() }
}
