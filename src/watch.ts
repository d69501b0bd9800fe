import { Clock, Duration, Effect } from "effect"
import { Providers } from "./providers/registry.js"
import { type Outcome, retryAfterOf, type RunResult } from "./schema/report.js"
import { run, type RunOptions } from "./run.js"

/** One report of `--watch`, and what the face needs to show with it. */
export interface Frame {
  readonly result: RunResult
  /** Providers shown from an earlier answer (they answered 429 with Retry-After), with when it came (epoch ms). */
  readonly stale: ReadonlyMap<string, number>
  /** When the next report is asked for (epoch ms). */
  readonly nextAt: number
}

/**
 * `--watch`: the report again every `intervalSeconds`, for ever (the face ends it: Ctrl-C). Each round reads the
 * credentials afresh and asks every selected provider, except one that answered 429 with a Retry-After that has not
 * passed: it is not asked before then, and its last good answer is shown meanwhile, marked stale. Time is Effect's
 * Clock, so tests drive it with TestClock.
 */
export const watch = <R>(
  options: Pick<RunOptions, "only" | "timeoutSeconds"> & { readonly intervalSeconds: number },
  draw: (frame: Frame) => Effect.Effect<void, never, R>
): Effect.Effect<never, never, R | Effect.Effect.Context<ReturnType<typeof run>>> =>
  Effect.gen(function*() {
    const order = (yield* Providers).map((provider) => provider.id)
    /** Each provider's last answer in which every account reported, and when it came. */
    const lastGood = new Map<string, { readonly outcomes: ReadonlyArray<Outcome>; readonly at: number }>()
    /** Each provider's last answer whatever it was (the 429 itself, for one that never answered well). */
    const lastSeen = new Map<string, ReadonlyArray<Outcome>>()
    const waitUntil = new Map<string, number>()

    while (true) {
      const now = yield* Clock.currentTimeMillis
      const exclude = [...waitUntil].filter(([, until]) => until > now).map(([id]) => id)
      const fresh = yield* run({ only: options.only, timeoutSeconds: options.timeoutSeconds, exclude })

      const byProvider = new Map<string, Array<Outcome>>()
      for (const outcome of fresh.outcomes) byProvider.set(outcome.id, [...(byProvider.get(outcome.id) ?? []), outcome])
      for (const [id, outcomes] of byProvider) {
        const retry = outcomes.flatMap((o) => retryAfterOf(o) ?? [])
        if (retry.length > 0) waitUntil.set(id, now + Math.max(...retry) * 1000)
        if (outcomes.every((o) => o._tag === "Reported")) lastGood.set(id, { outcomes, at: now })
        lastSeen.set(id, outcomes)
      }

      // A provider waiting out its Retry-After, or refused with one just now, shows its last good answer if it has one.
      const stale = new Map<string, number>()
      const shown = new Map(byProvider)
      // One that never answered well shows its last answer (the 429 itself), not nothing.
      for (const [id, until] of waitUntil) {
        if (until <= now) continue
        const good = lastGood.get(id)
        if (good === undefined || good.at === now) {
          if (!shown.has(id) && lastSeen.has(id)) shown.set(id, [...lastSeen.get(id)!])
          continue
        }
        shown.set(id, [...good.outcomes])
        stale.set(id, good.at)
      }
      const outcomes = order.flatMap((id) => shown.get(id) ?? [])
      const nextAt = now + options.intervalSeconds * 1000
      yield* draw({ result: { ...fresh, outcomes }, stale, nextAt })
      // The next round starts at `nextAt`, as the footer says, however long this one took.
      yield* Effect.flatMap(Clock.currentTimeMillis, (after) => Effect.sleep(Duration.millis(Math.max(0, nextAt - after))))
    }
  })
