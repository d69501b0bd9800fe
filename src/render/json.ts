import type { Lang } from "../i18n/index.js"
import type { JsonProvider, JsonReport } from "../schema/json.js"
import { paceKey, type Paces } from "../history/insight.js"
import type { Pace } from "../history/pace.js"
import type { JsonPace } from "../schema/json.js"
import { remainingPercent, type RunResult, windowKey } from "../schema/report.js"
import { describeError, errorTag, nameOf, notesOf, warningsOf, windowLabel } from "./describe.js"

/** Percentages to 0.01: enough for any bar, and free of float noise (100 - 76.3 = 23.700000000000003). */
const hundredths = (value: number) => Math.round(value * 100) / 100

/** The `--json` contract (version 1, see src/schema/json.ts): words in `lang`, everything else stable. */
export const toJson = (
  result: RunResult,
  lang: Lang,
  options: { readonly warnAt?: number; readonly paces?: Paces } = {}
): JsonReport => {
  const now = result.generatedAt.getTime()
  return {
    version: 1,
    generatedAt: result.generatedAt.toISOString(),
    providers: result.outcomes.map((outcome): JsonProvider => {
      if (outcome._tag === "Failed") {
        const { fix, message } = describeError(lang, outcome.error, outcome.name, now)
        return {
          id: outcome.id,
          name: nameOf(lang, outcome),
          account: outcome.account,
          accountKey: outcome.accountKey,
          plan: null,
          status: "error",
          windows: [],
          warnings: [],
          notes: [],
          error: {
            tag: errorTag(outcome.error),
            message,
            fix: fix === "" ? null : fix,
            ...(outcome.error._tag === "HttpError" ? { httpStatus: outcome.error.status } : {})
          }
        }
      }
      const { report } = outcome
      return {
        id: outcome.id,
        name: outcome.name,
        account: report.account,
        accountKey: outcome.accountKey,
        plan: report.plan,
        status: "ok",
        windows: report.windows.map((window) => ({
          key: windowKey(window),
          label: windowLabel(lang, outcome.id, window),
          usedPercent: hundredths(window.usedPercent),
          remainingPercent: hundredths(remainingPercent(window)),
          resetsAt: window.resetsAt === null ? null : window.resetsAt.toISOString(),
          windowSeconds: window.windowSeconds,
          used: window.used,
          limit: window.limit,
          unit: window.unit,
          ...(window.unlimited === true ? { unlimited: true as const } : {}),
          ...(window.currency === undefined ? {} : { currency: window.currency }),
          ...paceJson(options.paces?.get(paceKey(outcome.id, outcome.accountKey, windowKey(window))))
        })),
        warnings: warningsOf(lang, outcome.id, report, options.warnAt),
        notes: notesOf(lang, outcome.name, report),
        error: null
      }
    }),
    notConfigured: result.notConfigured.map((provider) => ({
      id: provider.id,
      name: provider.name,
      lookedAt: [...new Set(provider.sources.map((source) => source.path))]
    }))
  }
}

/** A window's `pace` (an addition, still version 1): present only when the history says where it is heading. */
const paceJson = (pace: Pace | undefined): { readonly pace?: JsonPace } =>
  pace === undefined
    ? {}
    : {
      pace: pace._tag === "RunsOut"
        ? {
          status: "runsOut",
          runsOutInSeconds: Math.round(pace.inSeconds),
          resetInSeconds: Math.round(pace.resetInSeconds),
          percentPerHour: hundredths(pace.percentPerHour)
        }
        : {
          status: "onPace",
          atResetPercent: hundredths(pace.atResetPercent),
          resetInSeconds: Math.round(pace.resetInSeconds),
          percentPerHour: hundredths(pace.percentPerHour)
        }
    }
