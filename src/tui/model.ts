import { Clock, Effect, Layer, ManagedRuntime, Option } from "effect"
import { ResultCache } from "../cache/ResultCache.js"
import { History } from "../history/History.js"
import { pacesFor } from "../history/insight.js"
import { type Lang, langFromEnvironment, parseLang } from "../i18n/index.js"
import { Providers } from "../providers/registry.js"
import { retryAfterOf, type RunResult } from "../schema/report.js"
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

  /**
   * The selection's result: from the cache when young enough, else asked. A platform that answered 429 with
   * Retry-After is not asked before then; meanwhile, and on the refusal itself, its last good answer is kept.
   */
  const resultFor = (only: ReadonlyArray<string>, maxAgeSeconds: number) =>
    Effect.gen(function*() {
      const cache = yield* ResultCache
      const now = yield* Clock.currentTimeMillis
      const previous = yield* cache.get(only, ANY_AGE_SECONDS)
      if (Option.isSome(previous) && now - previous.value.at < maxAgeSeconds * 1000) {
        return { result: previous.value.result, fresh: false, earlier: new Set<string>() }
      }
      const waiting = yield* cache.notBefore
      const exclude = [...waiting.keys()].filter((id) => only.length === 0 || only.includes(id))
      const asked = yield* run({ only, timeoutSeconds: DEFAULT_TIMEOUT_SECONDS, exclude })
      const refused = new Set<string>()
      for (const outcome of asked.outcomes) {
        const wait = retryAfterOf(outcome)
        if (wait === undefined) continue
        refused.add(outcome.id)
        yield* cache.setNotBefore(outcome.id, now + wait * 1000)
      }
      const earlier = Option.match(previous, { onNone: () => [], onSome: ({ result }) => result.outcomes })
      const lastGood = (id: string) => {
        const outcomes = earlier.filter((outcome) => outcome.id === id)
        return outcomes.length > 0 && outcomes.every((outcome) => outcome._tag === "Reported") ? outcomes : []
      }
      const kept = new Set([...exclude, ...[...refused].filter((id) => lastGood(id).length > 0)])
      const order = (yield* Providers).map((provider) => provider.id)
      const outcomes = [
        ...asked.outcomes.filter((outcome) => !kept.has(outcome.id)),
        ...[...kept].flatMap((id) => (exclude.includes(id) ? earlier.filter((outcome) => outcome.id === id) : lastGood(id)))
      ].sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id))
      const result: RunResult = { ...asked, outcomes }
      yield* cache.set(only, result)
      return { result, fresh: true, earlier: kept }
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
      const { earlier, fresh, result } = yield* resultFor(only, options.maxAgeSeconds)
      const paces = yield* pacesFor(result, { record: fresh, earlier })
      const words = { lang, warnAt: options.warnAt }
      return {
        configured: result.outcomes.length > 0,
        lines: sidebarLines(result, paces, words),
        toasts: toastsDue(result, options.shownFor, words)
      }
    }))

  return { refresh, dispose: () => runtime.dispose() }
}
