import { describe, expect, it } from "@effect/vitest"
import type { Sample } from "../../src/history/History.js"
import { currentWindowSamples, paceOf, type Reading } from "../../src/history/pace.js"

const MIN = 60_000
const HOUR = 60 * MIN
const DAY = 24 * HOUR
const FIVE_HOURS = 5 * 3600
const WEEK = 7 * 86400
const NOW = Date.UTC(2025, 5, 1, 12)

/** A series of readings `[hours before now, used %]` of the window resetting at `resetsAt`. */
const series = (resetsAt: number, points: ReadonlyArray<readonly [number, number]>): Array<Reading> =>
  points.map(([hoursAgo, usedPercent]) => ({ at: NOW - hoursAgo * HOUR, usedPercent, resetsAt }))

describe("paceOf", () => {
  it("steady use that reaches 100% before the reset runs out", () => {
    // 5-hour window, resets in 3 h (started 2 h ago). 30% 1.5 h ago, 45% 45 min ago, 60% now: 30 points in 1.5 h =
    // 20%/h; the 40% left lasts 2 h = 7200 s, before the reset in 10800 s.
    const resetsAt = NOW + 3 * HOUR
    const pace = paceOf(
      { usedPercent: 60, resetsAt, windowSeconds: FIVE_HOURS },
      series(resetsAt, [[1.5, 30], [0.75, 45]]),
      NOW
    )
    expect(pace?._tag).toBe("RunsOut")
    if (pace?._tag !== "RunsOut") return
    expect(pace.inSeconds).toBeGreaterThanOrEqual(7200 - 60)
    expect(pace.inSeconds).toBeLessThanOrEqual(7200 + 60)
    expect(pace.resetInSeconds).toBe(10800)
    expect(pace.percentPerHour).toBeCloseTo(20, 6)
  })

  it("steady use that lasts until the reset is on pace, with the use projected at the reset", () => {
    // 50% 2 h ago, 55% 1 h ago, 60% now: 5%/h; 40% left lasts 8 h > 3 h to the reset; at the reset 60 + 5*3 = 75%.
    const resetsAt = NOW + 3 * HOUR
    const pace = paceOf(
      { usedPercent: 60, resetsAt, windowSeconds: FIVE_HOURS },
      series(resetsAt, [[2, 50], [1, 55]]),
      NOW
    )
    expect(pace).toEqual({ _tag: "OnPace", atResetPercent: expect.closeTo(75, 6), resetInSeconds: 10800, percentPerHour: expect.closeTo(5, 6) })
  })

  it("a burst early in the window does not dominate: the rate is first-to-last", () => {
    // Weekly window, 4 days in, resets in 3 days. 10% 72 h ago, 40% 70 h ago (a burst), 41% 48 h ago, 42% 24 h ago,
    // 46% now. First-to-last: 36 points in 72 h = 0.5%/h; 54% left lasts 108 h > 72 h: on pace, 46 + 0.5*72 = 82% at
    // the reset. (A least-squares fit gives 0.306%/h and 68%; the burst-to-now slope, 6/70 h, would give 52%.)
    const resetsAt = NOW + 3 * DAY
    const pace = paceOf(
      { usedPercent: 46, resetsAt, windowSeconds: WEEK },
      series(resetsAt, [[72, 10], [70, 40], [48, 41], [24, 42]]),
      NOW
    )
    expect(pace?._tag).toBe("OnPace")
    if (pace?._tag !== "OnPace") return
    expect(pace.atResetPercent).toBeCloseTo(82, 6)
    expect(pace.percentPerHour).toBeCloseTo(0.5, 6)
  })

  it("a burst late in the window makes it run out", () => {
    // 10% 2 h ago, 12% 1 h ago, 14% 30 min ago, 50% now: 40 points in 2 h = 20%/h; 50% left lasts 2.5 h = 9000 s,
    // before the reset in 3 h.
    const resetsAt = NOW + 3 * HOUR
    const pace = paceOf(
      { usedPercent: 50, resetsAt, windowSeconds: FIVE_HOURS },
      series(resetsAt, [[2, 10], [1, 12], [0.5, 14]]),
      NOW
    )
    expect(pace).toMatchObject({ _tag: "RunsOut", resetInSeconds: 10800 })
    if (pace?._tag === "RunsOut") expect(Math.abs(pace.inSeconds - 9000)).toBeLessThanOrEqual(60)
  })

  it("ignores the samples of the window before a reset, and takes a jittered reset as the same one", () => {
    // The current window resets in 3 h; its samples report the reset 2 s late and 1.5 s early (jitter): 5% 90 min
    // ago, 7.5% 45 min ago, 10% now = 5 points in 1.5 h = 3.33%/h, 10 + 3.33*3 = 20% at the reset. The previous
    // window's samples (reset 2 h ago, at 90%) would make the rate negative and the projection 10%.
    const resetsAt = NOW + 3 * HOUR
    const samples = [
      ...series(NOW - 2 * HOUR, [[4, 60], [3, 90]]),
      ...series(resetsAt + 2000, [[1.5, 5]]),
      ...series(resetsAt - 1500, [[0.75, 7.5]])
    ]
    const pace = paceOf({ usedPercent: 10, resetsAt, windowSeconds: FIVE_HOURS }, samples, NOW)
    expect(pace?._tag).toBe("OnPace")
    if (pace?._tag !== "OnPace") return
    expect(pace.atResetPercent).toBeCloseTo(20, 6)
    expect(pace.percentPerHour).toBeCloseTo(10 / 3, 6)
  })

  it("says nothing before 5% of the window has passed", () => {
    // Weekly window: 5% is 8.4 h. 8 h in: nothing, even from a clear trend (10% 7 h ago, 20% 4 h ago, 30% now).
    const early = NOW + WEEK * 1000 - 8 * HOUR
    expect(paceOf({ usedPercent: 30, resetsAt: early, windowSeconds: WEEK }, series(early, [[7, 10], [4, 20]]), NOW))
      .toBeNull()
    // The same readings 9 h in: 20 points in 7 h = 2.857%/h; 70% left lasts 24.5 h = 88200 s, before the reset (159 h).
    const later = NOW + WEEK * 1000 - 9 * HOUR
    const pace = paceOf({ usedPercent: 30, resetsAt: later, windowSeconds: WEEK }, series(later, [[7, 10], [4, 20]]), NOW)
    expect(pace).toMatchObject({ _tag: "RunsOut", resetInSeconds: 159 * 3600 })
    if (pace?._tag === "RunsOut") expect(Math.abs(pace.inSeconds - 88200)).toBeLessThanOrEqual(60)
  })

  it("says nothing from one reading, or from readings spanning less than 10 minutes", () => {
    const resetsAt = NOW + 3 * HOUR
    const window = { usedPercent: 40, resetsAt, windowSeconds: FIVE_HOURS }
    expect(paceOf(window, [], NOW)).toBeNull()
    // 9 and 5 minutes ago: a 9-minute span.
    expect(paceOf(window, series(resetsAt, [[9 / 60, 20], [5 / 60, 30]]), NOW)).toBeNull()
  })

  it("in a 5-hour window, two readings never claim it runs out; a third one does", () => {
    // 20% 1 h ago, 60% now: 40%/h, 40% left lasts 1 h < 3 h to the reset, yet only 2 readings: nothing.
    const resetsAt = NOW + 3 * HOUR
    const window = { usedPercent: 60, resetsAt, windowSeconds: FIVE_HOURS }
    expect(paceOf(window, series(resetsAt, [[1, 20]]), NOW)).toBeNull()
    // The current reading already recorded (a sample at now, or 30 s before) is not another reading.
    expect(paceOf(window, series(resetsAt, [[1, 20], [0, 60]]), NOW)).toBeNull()
    expect(paceOf(window, series(resetsAt, [[1, 20], [0.5 / 60, 60]]), NOW)).toBeNull()
    // With 40% 30 min ago as well: runs out in 1 h = 3600 s.
    const pace = paceOf(window, series(resetsAt, [[1, 20], [0.5, 40]]), NOW)
    expect(pace).toMatchObject({ _tag: "RunsOut", inSeconds: 3600, resetInSeconds: 10800 })
    // Two readings may still say it is on pace: 55% 1 h ago, 60% now = 5%/h, 75% at the reset.
    expect(paceOf(window, series(resetsAt, [[1, 55]]), NOW)).toMatchObject({ _tag: "OnPace", resetInSeconds: 10800 })
  })

  it("flat or falling use is on pace, at today's level", () => {
    const resetsAt = NOW + 3 * DAY
    const flat = paceOf({ usedPercent: 30, resetsAt, windowSeconds: WEEK }, series(resetsAt, [[72, 30], [48, 30]]), NOW)
    expect(flat).toEqual({ _tag: "OnPace", atResetPercent: 30, resetInSeconds: 3 * 86400, percentPerHour: 0 })
    const falling = paceOf({ usedPercent: 30, resetsAt, windowSeconds: WEEK }, series(resetsAt, [[48, 40]]), NOW)
    expect(falling).toEqual({ _tag: "OnPace", atResetPercent: 30, resetInSeconds: 3 * 86400, percentPerHour: 0 })
  })

  it("a window at 100% has run out (inSeconds 0); no reset, no length or a passed reset: nothing", () => {
    const resetsAt = NOW + 3 * DAY
    const readings = series(resetsAt, [[48, 100]])
    expect(paceOf({ usedPercent: 100, resetsAt, windowSeconds: WEEK }, readings, NOW))
      .toEqual({ _tag: "RunsOut", inSeconds: 0, resetInSeconds: 3 * 86400, percentPerHour: 0 })
    expect(paceOf({ usedPercent: 50, resetsAt: null, windowSeconds: WEEK }, series(resetsAt, [[48, 10]]), NOW)).toBeNull()
    expect(paceOf({ usedPercent: 50, resetsAt, windowSeconds: null }, series(resetsAt, [[48, 10]]), NOW)).toBeNull()
    expect(paceOf({ usedPercent: 50, resetsAt: NOW - 1000, windowSeconds: WEEK }, series(NOW - 1000, [[48, 10]]), NOW))
      .toBeNull()
  })
})

describe("currentWindowSamples", () => {
  it("keeps one window's samples with the current reset (give or take jitter), oldest first", () => {
    const resetsAt = NOW + 3 * HOUR
    const sample = (at: number, over: Partial<Sample> = {}): Sample => ({
      at,
      provider: "claude",
      account: "acct-1",
      window: "5h",
      usedPercent: 10,
      resetsAt,
      ...over
    })
    const samples = [
      sample(NOW - 1 * HOUR, { resetsAt: resetsAt + 3000 }),
      sample(NOW - 2 * HOUR),
      sample(NOW - 3 * HOUR, { resetsAt: NOW - 2 * HOUR }),
      sample(NOW - 30 * MIN, { resetsAt: resetsAt + 31_000 }),
      sample(NOW - 1 * HOUR, { provider: "openai" }),
      sample(NOW - 1 * HOUR, { account: "acct-2" }),
      sample(NOW - 1 * HOUR, { window: "weekly" }),
      sample(NOW - 1 * HOUR, { resetsAt: null })
    ]
    expect(currentWindowSamples(samples, { provider: "claude", account: "acct-1", window: "5h", resetsAt }))
      .toEqual([samples[1], samples[0]])
    expect(currentWindowSamples(samples, { provider: "claude", account: "acct-1", window: "5h", resetsAt: null }))
      .toEqual([samples[7]])
  })
})
