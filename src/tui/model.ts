import { Clock, Effect, Layer, ManagedRuntime, Option } from "effect"
import { ResultCache } from "../cache/ResultCache.js"
import { History } from "../history/History.js"
import { pacesFor } from "../history/insight.js"
import { type Lang, langFromEnvironment, parseLang } from "../i18n/index.js"
import { Providers } from "../providers/registry.js"
import type { RunResult } from "../schema/report.js"
import { DEFAULT_TIMEOUT_SECONDS, layer, run } from "../run.js"
import { platform } from "../services/Platform.js"
import { findProvider } from "../services/QuotaProvider.js"
import { type SidebarLine, sidebarLines, type Toast, toastsDue } from "./sidebar.js"

/** What the TUI entry asks for; see src/tui/index.ts for where each comes from. */
export interface RefreshOptions {
  /** Platforms as the user names them in tui.json (ids, names, aliases); empty: every configured one. */
  readonly providers: ReadonlyArray<string>
  readonly lang: string | undefined
  readonly warnAt: number
  /** An answer younger than this is reused from the cache the CLI's status-bar line shares. */
  readonly maxAgeSeconds: number
  /** The period a toast of this key was last shown for (OpenCode's kv), undefined if never. */
  readonly shownFor: (key: string) => number | null | undefined
}

export interface Snapshot {
  /** False when no platform is configured: the sidebar then shows nothing. */
  readonly configured: boolean
  readonly lines: ReadonlyArray<SidebarLine>
  readonly toasts: ReadonlyArray<Toast>
}

/** A platform waiting out its Retry-After shows its last answer, however old, rather than nothing. */
const ANY_AGE_SECONDS = 86400

/**
 * The sidebar's program, loaded by the TUI entry in the background: one runtime over the same layers as the server
 * plugin's, with the result cache (shared with `mystatus --format line`) and the history (pace).
 */
export const makeSidebarModel = () => {
  const runtime = ManagedRuntime.make(
    Layer.mergeAll(layer, History.layer, ResultCache.layer).pipe(Layer.provideMerge(platform))
  )

  /** The selection's result: from the cache when young enough, else asked, 429s honoured and recorded. */
  const resultFor = (only: ReadonlyArray<string>, maxAgeSeconds: number) =>
    Effect.gen(function*() {
      const cache = yield* ResultCache
      const hit = yield* cache.get(only, maxAgeSeconds)
      if (Option.isSome(hit)) return { result: hit.value.result, fresh: false }
      const now = yield* Clock.currentTimeMillis
      const waiting = yield* cache.notBefore
      const exclude = [...waiting.keys()].filter((id) => only.length === 0 || only.includes(id))
      const asked = yield* run({ only, timeoutSeconds: DEFAULT_TIMEOUT_SECONDS, exclude })
      for (const outcome of asked.outcomes) {
        if (
          outcome._tag === "Failed" && outcome.error._tag === "HttpError" && outcome.error.status === 429 &&
          outcome.error.retryAfterSeconds !== undefined
        ) yield* cache.setNotBefore(outcome.id, now + outcome.error.retryAfterSeconds * 1000)
      }
      let result: RunResult = asked
      if (exclude.length > 0) {
        const previous = yield* cache.get(only, ANY_AGE_SECONDS)
        const order = (yield* Providers).map((provider) => provider.id)
        const kept = Option.match(previous, {
          onNone: () => [],
          onSome: ({ result }) => result.outcomes.filter((outcome) => exclude.includes(outcome.id))
        })
        const outcomes = [...asked.outcomes, ...kept].sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id))
        result = { ...asked, outcomes }
      }
      yield* cache.set(only, result)
      return { result, fresh: true }
    })

  const refresh = (options: RefreshOptions): Promise<Snapshot> =>
    runtime.runPromise(Effect.gen(function*() {
      const providers = yield* Providers
      const only = options.providers.flatMap((name) => {
        const found = findProvider(providers, name)
        return found === undefined ? [] : [found.id]
      })
      // Named platforms none of which is known: nothing to show, rather than every platform.
      if (options.providers.length > 0 && only.length === 0) return { configured: false, lines: [], toasts: [] }
      const lang: Lang = (options.lang === undefined ? undefined : parseLang(options.lang)) ?? (yield* langFromEnvironment)
      const { fresh, result } = yield* resultFor(only, options.maxAgeSeconds)
      const paces = yield* pacesFor(result, { record: fresh })
      const words = { lang, warnAt: options.warnAt }
      return {
        configured: result.outcomes.length > 0,
        lines: sidebarLines(result, paces, words),
        toasts: toastsDue(result, options.shownFor, words)
      }
    }))

  return { refresh, dispose: () => runtime.dispose() }
}
