import { HttpClientRequest } from "@effect/platform"
import { Effect, Layer } from "effect"
import type { AccountReport, Note, Window } from "../../schema/report.js"
import { type ApiKeyAccount, apiKeyProvider, hintOn } from "../../services/ApiKeyProvider.js"
import { ProviderTag } from "../../services/QuotaProvider.js"
import { GoUsage, type GoWindow } from "./schema.js"
import { words } from "./words.js"

/** The OpenCode Go subscription, read with the key `opencode auth login` stored for it. */
const PLATFORM = {
  id: "opencode-go",
  name: "OpenCode Go",
  aliases: ["go"],
  roundTrips: 1,
  authKeys: ["opencode-go"],
  baseUrlVariable: "MYSTATUS_OPENCODE_BASE_URL",
  defaultBaseUrl: "https://opencode.ai"
} as const

/** The three windows and their lengths: 5 hours, a week, and the month (counted as 30 days). */
const WINDOWS = { rolling: 5 * 3600, weekly: 7 * 86400, monthly: 30 * 86400 } as const
const WINDOW_NAMES = Object.keys(WINDOWS) as Array<keyof typeof WINDOWS>
const RATE_LIMITED = "rate-limited"

const query = Effect.fn("mystatus/opencode-go/query")(function*({ client, key, masked }: ApiKeyAccount) {
  const answer = yield* client.json(HttpClientRequest.get("/zen/go/v1/usage").pipe(HttpClientRequest.bearerToken(key)), GoUsage, {
    fields: WINDOW_NAMES.map((name) => `usage.${name}`),
    present: ({ usage }) => WINDOW_NAMES.some((name) => usage?.[name] != null)
  }).pipe(
    // OpenCode answers 401 alike for a wrong key and for a workspace without a Go subscription (anomalyco/opencode#16513).
    hintOn([401], "keyOrSubscription" satisfies keyof typeof words.en.hints)
  )
  return toReport(answer, masked)
})

export class OpenCodeGo extends ProviderTag("mystatus/providers/OpenCodeGo", { id: PLATFORM.id, words })<OpenCodeGo>() {
  static readonly layer = Layer.effect(OpenCodeGo, apiKeyProvider(PLATFORM, query))
}

const toReport = ({ usage }: GoUsage, masked: string): AccountReport => {
  const windows = WINDOW_NAMES.flatMap((name) => {
    const window = usage?.[name]
    return window ? [toWindow(window, WINDOWS[name])] : []
  })
  const spent = WINDOW_NAMES.some((name) => usage?.[name]?.status === RATE_LIMITED)
  const notes: Array<Note> = spent ? [{ _tag: "LimitReached" }] : []
  return { account: masked, plan: null, windows, notes }
}

const toWindow = (window: GoWindow, seconds: number): Window => ({
  scope: null,
  windowSeconds: seconds,
  // A spent window is refused whatever percentage comes with it (the API flips between 100 "ok" and "rate-limited").
  usedPercent: window.status === RATE_LIMITED ? Math.max(100, window.percent) : window.percent,
  resetsAt: window.resetsAt ?? null,
  used: null,
  limit: null,
  unit: null
})
