import type { Sample } from "./History.js"

/** A window as the run reports it now, with its reset as epoch ms. */
export interface WindowNow {
  readonly usedPercent: number
  readonly resetsAt: number | null
  readonly windowSeconds: number | null
}

/** What pace needs of a sample. */
export type Reading = Pick<Sample, "at" | "usedPercent" | "resetsAt">

/**
 * Where the window is heading at the rate it has been used. `percentPerHour` is that rate (0 when usage did not grow),
 * `resetInSeconds` the time left until the reset.
 * - `RunsOut`: 100% is reached in `inSeconds`, before the reset (`inSeconds < resetInSeconds`; 0 when already there).
 * - `OnPace`: the reset comes first; `atResetPercent` is the projected use at the reset (< 100).
 */
export type Pace =
  | {
    readonly _tag: "RunsOut"
    readonly inSeconds: number
    readonly resetInSeconds: number
    readonly percentPerHour: number
  }
  | {
    readonly _tag: "OnPace"
    readonly atResetPercent: number
    readonly resetInSeconds: number
    readonly percentPerHour: number
  }

/**
 * Two resets this close are the same reset. Platforms that send "seconds until reset" give a time that moves by a
 * second or two (rounding, latency) from one run to the next; two real windows' resets are minutes to days apart.
 */
export const RESET_TOLERANCE_MS = 30_000
/** No pace before this share of the window has passed: the first minutes of a window say little of the rest. */
export const MIN_ELAPSED_SHARE = 0.05
/** The readings must span at least this long, and at least `MIN_SPAN_SHARE` of the window. */
export const MIN_SPAN_MS = 10 * 60_000
export const MIN_SPAN_SHARE = 0.01
/** In a window this short or shorter, one burst between two readings is not enough to claim it runs out. */
export const SHORT_WINDOW_SECONDS = 5 * 3600
export const SHORT_WINDOW_MIN_READINGS = 3
/** A sample this close to `now` is the current reading itself (recorded already), not another one. */
export const SAME_READING_MS = 60_000

const HOUR_MS = 3_600_000

/** Same reset, allowing for jitter; an unknown reset matches only an unknown reset. */
export const sameReset = (a: number | null, b: number | null): boolean =>
  a === null || b === null ? a === b : Math.abs(a - b) <= RESET_TOLERANCE_MS

/**
 * The samples of one window (provider id, account key, window key) that belong to its current period (the same
 * reset as `resetsAt`, within `RESET_TOLERANCE_MS`), oldest first.
 */
export const currentWindowSamples = (
  samples: ReadonlyArray<Sample>,
  current: {
    readonly provider: string
    readonly account: string
    readonly window: string
    readonly resetsAt: number | null
  }
): Array<Sample> =>
  samples
    .filter((sample) =>
      sample.provider === current.provider && sample.account === current.account && sample.window === current.window &&
      sameReset(sample.resetsAt, current.resetsAt)
    )
    .sort((a, b) => a.at - b.at)

/**
 * The pace of one window, or null when it is too early to say: no reset or length known, the reset passed, less than
 * `MIN_ELAPSED_SHARE` of the window elapsed (its start is `resetsAt - windowSeconds`), fewer than two readings, or
 * readings spanning less than `max(MIN_SPAN_MS, MIN_SPAN_SHARE of the window)`; and, in a window of 5 hours or less,
 * a run-out projected from fewer than 3 readings.
 *
 * The readings are the samples with this reset (others are from an earlier period and ignored; samples within
 * `SAME_READING_MS` of `now` are taken for the current reading) plus the current reading at `now`.
 *
 * The rate is first-to-last: (used now - used at the oldest reading) / time between them, not a least-squares fit.
 * Within a period usage only accumulates, so that is exactly the average rate so far, whatever happened between;
 * and samples are taken when mystatus runs, i.e. mostly while the user works, so a fit would weigh busy stretches
 * by how often they were sampled and extrapolate the latest burst. Usage that did not grow is `OnPace`.
 */
export const paceOf = (window: WindowNow, samples: ReadonlyArray<Reading>, now: number): Pace | null => {
  const { resetsAt, usedPercent, windowSeconds } = window
  if (resetsAt === null || windowSeconds === null || !(windowSeconds > 0) || !Number.isFinite(usedPercent)) return null
  const windowMs = windowSeconds * 1000
  const resetInMs = resetsAt - now
  if (!(resetInMs > 0)) return null
  if (now - (resetsAt - windowMs) < MIN_ELAPSED_SHARE * windowMs) return null

  const earlier = samples
    .filter((sample) => sameReset(sample.resetsAt, resetsAt) && sample.at < now - SAME_READING_MS)
    .sort((a, b) => a.at - b.at)
  const first = earlier[0]
  const readings = earlier.length + 1
  if (first === undefined) return null
  const spanMs = now - first.at
  if (spanMs < Math.max(MIN_SPAN_MS, MIN_SPAN_SHARE * windowMs)) return null

  const perMs = Math.max(0, (usedPercent - first.usedPercent) / spanMs)
  const percentPerHour = perMs * HOUR_MS
  const resetInSeconds = Math.round(resetInMs / 1000)
  const toFullMs = usedPercent >= 100 ? 0 : perMs > 0 ? (100 - usedPercent) / perMs : Infinity
  if (toFullMs < resetInMs) {
    if (windowSeconds <= SHORT_WINDOW_SECONDS && readings < SHORT_WINDOW_MIN_READINGS) return null
    return { _tag: "RunsOut", inSeconds: Math.round(toFullMs / 1000), resetInSeconds, percentPerHour }
  }
  return { _tag: "OnPace", atResetPercent: usedPercent + perMs * resetInMs, resetInSeconds, percentPerHour }
}
