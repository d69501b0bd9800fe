import { HttpClient } from "@effect/platform"
import { Effect, Option, Redacted } from "effect"
import type { Check } from "../doctor/Check.js"
import { ApiEntry } from "../schema/auth.js"
import { HttpError, type QuotaError } from "../schema/errors.js"
import type { AccountReport } from "../schema/report.js"
import { AuthFile } from "./AuthFile.js"
import { baseUrl, type JsonClient, jsonClient } from "./Http.js"
import { maskKey, type QuotaProvider } from "./QuotaProvider.js"

/** A platform whose credential is one API key `opencode auth login` stored in auth.json, asked at one base URL. */
export interface ApiKeyPlatform extends Pick<QuotaProvider, "id" | "name" | "aliases" | "roundTrips"> {
  /** Its auth.json entries, the first present one read: OpenCode's own id first (the one named when unconfigured). */
  readonly authKeys: readonly [string, ...Array<string>]
  readonly baseUrlVariable: string
  readonly defaultBaseUrl: string
}

/**
 * What a query is given: its client (base URL, JSON, the key as a secret), the base URL it was configured with (for
 * naming an endpoint in an error), the key, and the account's masked key.
 */
export interface ApiKeyAccount {
  readonly client: JsonClient
  readonly root: string
  readonly key: Redacted.Redacted<string>
  readonly masked: string
}

/**
 * The provider of such a platform: one account when its entry is there, known by its masked key. A wrong-shape entry
 * (an `oauth` one, a key with whitespace) fails this platform alone, naming the field.
 */
export const apiKeyProvider = (
  platform: ApiKeyPlatform,
  query: (account: ApiKeyAccount) => Effect.Effect<AccountReport, QuotaError>
) =>
  Effect.gen(function*() {
    const auth = yield* AuthFile
    const http = yield* HttpClient.HttpClient
    const { id, authKeys, baseUrlVariable, defaultBaseUrl, ...shown } = platform

    const accounts = Effect.gen(function*() {
      const entry = yield* auth.entry(id, authKeys, ApiEntry)
      if (Option.isNone(entry)) return []
      const { key } = entry.value.value
      const root = yield* baseUrl(id, baseUrlVariable, defaultBaseUrl)
      const masked = maskKey(Redacted.value(key))
      const client = jsonClient(http, { provider: id, baseUrl: root, secrets: [key] })
      return [{ label: masked, key: masked, query: query({ client, root, key, masked }) }]
    })

    return {
      id,
      ...shown,
      sources: [{ path: auth.path, entry: authKeys[0] }],
      authKeys,
      variables: [baseUrlVariable],
      accounts,
      // Which of its entries is read, when several names are accepted and the user wonders which key is asked.
      doctor: auth.entry(id, authKeys, ApiEntry).pipe(
        Effect.map(Option.match({
          onNone: (): ReadonlyArray<Check> => [],
          onSome: ({ key }): ReadonlyArray<Check> => [
            { source: auth.path, provider: id, id: "entry", status: "info", message: { _tag: "Entry", entry: key } }
          ]
        })),
        Effect.orElseSucceed(() => [])
      )
    } satisfies QuotaProvider
  })

/**
 * The platform's own fix (a key of its `hints`) for a refusal with one of `statuses`: it knows better than the generic
 * advice what a refused key usually is.
 */
export const hintOn = (statuses: ReadonlyArray<number>, hint: string) =>
<A, E extends { readonly _tag: string }, R>(effect: Effect.Effect<A, E, R>): Effect.Effect<A, E | HttpError, R> =>
  Effect.catchIf(
    effect,
    (error): error is E & HttpError => error._tag === "HttpError" && statuses.includes((error as unknown as HttpError).status),
    (error) => Effect.fail(new HttpError({ ...error, hint }))
  )
