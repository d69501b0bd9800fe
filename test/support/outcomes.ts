import { expect } from "@effect/vitest"
import type { AccountReport, Outcome, RunResult } from "../../src/schema/report.js"
import type { QuotaError } from "../../src/schema/errors.js"

export const reportOf = (result: RunResult, id: string): AccountReport => {
  const outcome = result.outcomes.find((o) => o.id === id)
  expect(outcome?._tag, `${id} should have reported: ${JSON.stringify(outcome)}`).toBe("Reported")
  return (outcome as Extract<Outcome, { _tag: "Reported" }>).report
}

export const errorOf = (result: RunResult, id: string): QuotaError => {
  const outcome = result.outcomes.find((o) => o.id === id)
  expect(outcome?._tag, `${id} should have failed: ${JSON.stringify(outcome)}`).toBe("Failed")
  return (outcome as Extract<Outcome, { _tag: "Failed" }>).error
}

export const ids = (result: RunResult) => result.outcomes.map((o) => `${o.id}:${o._tag}`)
