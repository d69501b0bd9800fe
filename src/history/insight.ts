import { Effect } from "effect"
import { type RunResult, windowKey } from "../schema/report.js"
import { History, type Sample, samplesOf } from "./History.js"
import { currentWindowSamples, type Pace, paceOf } from "./pace.js"

/** A window's pace, by `paceKey(provider id, account key, window key)`; absent: too early to say. */
export type Paces = ReadonlyMap<string, Pace>

export const paceKey = (provider: string, account: string, window: string): string => `${provider}\u0000${account}\u0000${window}`

/**
 * A window is sampled at most this often: pace needs a handful of points per window, not one per status-bar refresh
 * (the history's 2 MiB then holds days of every window, not hours).
 */
export const SAMPLE_EVERY_MS = 5 * 60_000

/**
 * Every reported window's pace from the history, after recording this run's samples into it when `record` is set (a
 * fresh answer; not one from the cache). A history that cannot be read or written is no pace, never a failure of the
 * report.
 */
export const pacesFor = (
  result: RunResult,
  options: {
    readonly record: boolean
    /** Providers shown from an earlier answer (a 429's wait): neither recorded nor paced as if read now. */
    readonly earlier?: ReadonlySet<string>
  }
): Effect.Effect<Paces, never, History> =>
  Effect.gen(function*() {
    // Nothing reported, nothing to record or pace: the history is not even opened (the cold path of an empty home).
    if (!result.outcomes.some((outcome) => outcome._tag === "Reported")) return new Map()
    const history = yield* History
    const now = result.generatedAt.getTime()
    const past = yield* history.read.pipe(Effect.orElseSucceed((): ReadonlyArray<Sample> => []))
    const latest = new Map<string, number>()
    for (const sample of past) latest.set(paceKey(sample.provider, sample.account, sample.window), sample.at)
    if (options.record) {
      const due = samplesOf(result, now).filter((sample) =>
        options.earlier?.has(sample.provider) !== true &&
        now - (latest.get(paceKey(sample.provider, sample.account, sample.window)) ?? -Infinity) >= SAMPLE_EVERY_MS
      )
      if (due.length > 0) yield* history.append(due).pipe(Effect.ignore)
    }
    const paces = new Map<string, Pace>()
    for (const outcome of result.outcomes) {
      if (outcome._tag !== "Reported" || options.earlier?.has(outcome.id) === true) continue
      for (const window of outcome.report.windows) {
        if (window.unlimited === true) continue
        const key = windowKey(window)
        const resetsAt = window.resetsAt === null ? null : window.resetsAt.getTime()
        const samples = currentWindowSamples(past, { provider: outcome.id, account: outcome.accountKey, window: key, resetsAt })
        const pace = paceOf({ usedPercent: window.usedPercent, resetsAt, windowSeconds: window.windowSeconds }, samples, now)
        if (pace !== null) paces.set(paceKey(outcome.id, outcome.accountKey, key), pace)
      }
    }
    return paces
  })
