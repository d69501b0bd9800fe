import type { HttpClient, HttpClientError, HttpClientResponse } from "@effect/platform"
import { HttpClientRequest } from "@effect/platform"
import { Clock, Config, Effect, type ParseResult, Redacted, Schema } from "effect"
import { ConfigInvalid, DecodeError, HttpError, NetworkError } from "../schema/errors.js"
import { formatIssues, truncate } from "../schema/issues.js"
import pkg from "../../package.json" with { type: "json" }

export const USER_AGENT = `mystatus/${pkg.version}`

const HttpUrl = Schema.String.pipe(
  Schema.filter((url) => URL.canParse(url) && /^https?:$/.test(new URL(url).protocol), {
    message: () => "must be an http(s) URL"
  })
)

/** A provider's endpoint root from the environment (`MYSTATUS_*_BASE_URL`), for tests and proxies. */
export const baseUrl = (provider: string, variable: string, fallback: string): Effect.Effect<string, ConfigInvalid> =>
  Schema.Config(variable, HttpUrl).pipe(
    Config.withDefault(fallback),
    Effect.map((url) => url.replace(/\/+$/, "")),
    // The only way this fails: a value that is not an http(s) URL (it is not echoed: a URL can carry a password).
    Effect.mapError(() => new ConfigInvalid({ provider, problem: `${variable} must be an http(s) URL` }))
  )

export type JsonError = HttpError | DecodeError | NetworkError

/**
 * The only way providers talk HTTP: prefix the base URL, send JSON headers, then turn every outcome into either
 * the decoded body or one of our errors. Secrets are cut out of any text we keep from a response.
 */
export interface JsonClient {
  readonly json: <A, I>(
    request: HttpClientRequest.HttpClientRequest,
    schema: Schema.Schema<A, I>
  ) => Effect.Effect<A, JsonError>
}

export const jsonClient = (client: HttpClient.HttpClient, options: {
  readonly provider: string
  readonly baseUrl: string
  readonly secrets: ReadonlyArray<Redacted.Redacted<string>>
}): JsonClient => {
  const { provider } = options
  const scrub = (text: string) =>
    options.secrets.reduce((acc, secret) => acc.split(Redacted.value(secret)).join("****"), text)

  const failStatus = (endpoint: string, response: HttpClientResponse.HttpClientResponse) =>
    Effect.gen(function*() {
      const body = yield* response.text.pipe(Effect.orElseSucceed(() => ""))
      const retryAfterSeconds = yield* retryAfter(response.headers["retry-after"])
      return yield* new HttpError({
        provider,
        endpoint,
        status: response.status,
        body: truncate(scrub(body.replace(/\s+/g, " ").trim()), 200),
        ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds })
      })
    })

  return {
    json: <A, I>(request: HttpClientRequest.HttpClientRequest, schema: Schema.Schema<A, I>) => {
      // Defaults only: some endpoints want their own Accept or a particular client's User-Agent.
      const full = HttpClientRequest.setHeaders(HttpClientRequest.prependUrl(request, options.baseUrl), {
        accept: "application/json",
        "user-agent": USER_AGENT,
        ...request.headers
      })
      const endpoint = full.url
      return client.execute(full).pipe(
        Effect.flatMap((response): Effect.Effect<A, JsonError | ParseResult.ParseError | HttpClientError.ResponseError> =>
          response.status >= 200 && response.status < 300
            ? Effect.flatMap(response.text, Schema.decodeUnknown(Schema.parseJson(schema)))
            : failStatus(endpoint, response)
        ),
        Effect.catchTags({
          RequestError: (error) => new NetworkError({ provider, endpoint, cause: scrub(rootCause(error)) }),
          ResponseError: (error) =>
            new DecodeError({ provider, endpoint, problem: scrub(error.description ?? error.message) }),
          ParseError: (error) => new DecodeError({ provider, endpoint, problem: scrub(formatIssues(error)) })
        })
      )
    }
  }
}

/** fetch says only "fetch failed"; the reason ("connect ECONNREFUSED 127.0.0.1:9") is at the end of `cause`. */
const rootCause = (error: unknown): string => {
  let current: unknown = error
  while (typeof current === "object" && current !== null && "cause" in current && current.cause !== undefined) {
    current = current.cause
  }
  return current instanceof Error ? current.message : String(current)
}

/** `Retry-After` is either delta-seconds or an HTTP date. */
const retryAfter = (header: string | undefined): Effect.Effect<number | undefined> =>
  Effect.map(Clock.currentTimeMillis, (now) => {
    if (header === undefined || header.trim() === "") return undefined
    const seconds = Number(header)
    if (Number.isFinite(seconds)) return Math.max(0, Math.round(seconds))
    const date = Date.parse(header)
    return Number.isNaN(date) ? undefined : Math.max(0, Math.round((date - now) / 1000))
  })
