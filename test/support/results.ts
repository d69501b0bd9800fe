import { Timeout } from "../../src/schema/errors.js"
import type { Outcome, RunResult, Window } from "../../src/schema/report.js"

/** Run results built by hand, for the renderers' tests: a fixed clock, a window, an account that reported or failed. */
export const NOW = Date.parse("2026-11-25T10:00:00Z")
export const HOUR = 3600

/** A 5-hour window, `usedPercent` used, resetting in `resetInHours`. */
export const window = (usedPercent: number, overrides: Partial<Window> = {}, resetInHours = 1): Window => ({
  scope: null,
  windowSeconds: 5 * HOUR,
  usedPercent,
  resetsAt: new Date(NOW + resetInHours * HOUR * 1000),
  used: null,
  limit: null,
  unit: null,
  ...overrides
})

export const reported = (id: string, name: string, windows: ReadonlyArray<Window>, accountKey = "a"): Outcome => ({
  _tag: "Reported",
  id,
  name,
  accountKey,
  report: { account: accountKey, plan: null, windows, notes: [] }
})

/** A platform that timed out before it knew its accounts. */
export const failed = (id: string, name: string): Outcome => ({
  _tag: "Failed",
  id,
  name,
  account: null,
  accountKey: null,
  error: new Timeout({ provider: id, seconds: 10 })
})

export const result = (outcomes: ReadonlyArray<Outcome>): RunResult => ({
  generatedAt: new Date(NOW),
  outcomes,
  sources: [],
  notConfigured: []
})
