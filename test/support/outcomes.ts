import { expect } from "@effect/vitest"
import type { AccountReport, Outcome, RunResult } from "../../src/schema/report.js"
import { describeError } from "../../src/render/describe.js"
import type { QuotaError } from "../../src/schema/errors.js"
import { fullRun } from "./fixtures.js"

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

/** An error's message as an English-speaking user reads it (the error itself holds data, not text). */
export const messageOf = (error: QuotaError): string => describeError("en", error, error.provider, 0).message

export const ids = (result: RunResult) => result.outcomes.map((o) => `${o.id}:${o._tag}`)

/** A text report of a run over every provider shows each account as its provider's fixtures say. */
export const expectFullText = (output: string) => {
  for (const line of fullRun(0).flatMap((account) => account.text)) {
    if (typeof line === "string") expect(output).toContain(line)
    else expect(output).toMatch(line)
  }
}
