import type { HttpClientResponse } from "@effect/platform"
import { HttpClient, HttpClientRequest } from "@effect/platform"
import { Clock, Config, Effect, Either, Option, Redacted, Schema, Stream } from "effect"
import { ConfigInvalid, DecodeError, HttpError, NetworkError, type ResponseProblem } from "../schema/errors.js"
import { issuesOf } from "../schema/issues.js"
import { parseJsonText } from "./JsonText.js"
import pkg from "../../package.json" with { type: "json" }

export const USER_AGENT = `mystatus/${pkg.version}`

/** A quota answer is a few kilobytes; Google's model list, the largest, stays far below this. */
export const MAX_BODY_BYTES = 2 * 1024 * 1024
/** An error answer is read only for its short message. */
const MAX_ERROR_BODY_BYTES = 64 * 1024

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
    Effect.mapError(() => new ConfigInvalid({ provider, variable }))
  )

export type JsonError = HttpError | DecodeError | NetworkError

/**
 * A 2xx answer still has to carry the quota: `fields` names what is looked for (shown in the error), `present`
 * says whether the decoded answer has any of it. `{}` from a captive portal or a wrong base URL is not "no limits".
 */
export interface QuotaFields<A> {
  readonly fields: ReadonlyArray<string>
  readonly present: (answer: A) => boolean
}

/**
 * The only way providers talk HTTP: prefix the base URL, send JSON headers, then turn every outcome into either
 * the decoded body or one of our errors. Bodies are read within a size bound and parsed within a depth bound; no
 * error keeps text from a response unless it reads as prose and holds none of the request's secrets.
 */
export interface JsonClient {
  readonly json: <A, I>(
    request: HttpClientRequest.HttpClientRequest,
    schema: Schema.Schema<A, I>,
    quota?: QuotaFields<A>
  ) => Effect.Effect<A, JsonError>
}

export const jsonClient = (http: HttpClient.HttpClient, options: {
  readonly provider: string
  readonly baseUrl: string
  readonly secrets: ReadonlyArray<Redacted.Redacted<string>>
}): JsonClient => {
  const { provider } = options
  const secrets = () => options.secrets.map(Redacted.value).filter((secret) => secret.length > 0)
  // The provider's client, configured once: its base URL, our default headers (an endpoint's own Accept or
  // User-Agent wins: some answer a particular client only), and any non-2xx as a failure.
  const client = http.pipe(
    HttpClient.mapRequest((request) =>
      HttpClientRequest.setHeaders(HttpClientRequest.prependUrl(request, options.baseUrl), {
        accept: "application/json",
        "user-agent": USER_AGENT,
        ...request.headers
      })
    ),
    HttpClient.filterStatusOk
  )

  const failStatus = (endpoint: string, response: HttpClientResponse.HttpClientResponse) =>
    Effect.gen(function*() {
      const body = yield* readBounded(response.stream, MAX_ERROR_BODY_BYTES).pipe(
        Effect.map(Either.getOrElse(() => "")),
        Effect.orElseSucceed(() => "")
      )
      const said = errorText(body, secrets())
      const retryAfterSeconds = yield* retryAfter(response.headers["retry-after"])
      return yield* new HttpError({
        provider,
        endpoint,
        status: response.status,
        ...said,
        ...(retryAfterSeconds === undefined ? {} : { retryAfterSeconds })
      })
    })

  return {
    json: <A, I>(request: HttpClientRequest.HttpClientRequest, schema: Schema.Schema<A, I>, quota?: QuotaFields<A>) => {
      const url = `${options.baseUrl}${request.url}`
      const endpoint = withoutCredentials(url)
      const unusable = (reason: ResponseProblem, details: Pick<DecodeError, "issues" | "fields"> = {}) =>
        new DecodeError({ provider, endpoint, reason, ...details })

      const decode = (response: HttpClientResponse.HttpClientResponse) =>
        Effect.gen(function*() {
          const body = yield* readBounded(response.stream, MAX_BODY_BYTES)
          if (Either.isLeft(body)) return yield* unusable("tooLarge")
          const json = parseJsonText(body.right)
          if (Either.isLeft(json)) {
            return yield* unusable(json.left._tag === "Empty" ? "empty" : json.left._tag === "TooDeep" ? "tooDeep" : "notJson")
          }
          const answer = yield* Schema.decodeUnknown(schema)(json.right)
          if (quota !== undefined && !quota.present(answer)) return yield* unusable("noQuota", { fields: quota.fields })
          return answer
        })

      // Every transport and decoding failure becomes one of our errors here, and only here.
      return client.execute(request).pipe(
        Effect.flatMap(decode),
        Effect.catchTags({
          RequestError: (error) =>
            Effect.flatMap(proxyFor(url), (proxy) =>
              new NetworkError({
                provider,
                endpoint,
                cause: scrub(rootCause(error), secrets()),
                ...(proxy === undefined ? {} : { proxy })
              })),
          ResponseError: (error) =>
            error.reason === "StatusCode"
              ? failStatus(endpoint, error.response)
              : error.reason === "EmptyBody"
              ? unusable("empty")
              // The body broke off (a reset mid-answer): the server was reached, the answer never completed.
              : new NetworkError({ provider, endpoint, cause: scrub(rootCause(error), secrets()) }),
          ParseError: (error) => unusable("shape", { issues: issuesOf(error) })
        })
      )
    }
  }
}

/** A stream of bytes (a body, a command's output) as text, or `Left` when it is larger than `limit` (reading stops there). */
export const readBounded = <E>(
  stream: Stream.Stream<Uint8Array, E>,
  limit: number
): Effect.Effect<Either.Either<string, "tooLarge">, E> =>
  stream.pipe(
    Stream.runFoldWhile(
      { size: 0, chunks: [] as Array<Uint8Array> },
      (acc) => acc.size <= limit,
      (acc, chunk) => {
        acc.chunks.push(chunk)
        acc.size += chunk.length
        return acc
      }
    ),
    Effect.map(({ chunks, size }) => {
      if (size > limit) return Either.left("tooLarge" as const)
      const bytes = new Uint8Array(size)
      let offset = 0
      for (const chunk of chunks) {
        bytes.set(chunk, offset)
        offset += chunk.length
      }
      return Either.right(new TextDecoder().decode(bytes))
    })
  )

/**
 * The provider's own words from an error answer, when they are safe to show: a short message (`error.message`,
 * `error_description`, `message`, `msg`, `detail`) that reads as prose, and a machine code (OAuth's `error`). Text
 * that could be a token (a long unbroken word, anything holding a secret we sent) is dropped, not cut: a cut token
 * is no longer recognisable, and a token the server minted is one we have never seen.
 */
const errorText = (body: string, secrets: ReadonlyArray<string>): { detail?: string; code?: string } => {
  const json = parseJsonText(body)
  if (Either.isLeft(json) || typeof json.right !== "object" || json.right === null) return {}
  const root = json.right as Record<string, unknown>
  const nested = typeof root.error === "object" && root.error !== null ? root.error as Record<string, unknown> : {}
  const text = [nested.message, root.error_description, root.message, root.msg, root.detail, root.error]
    .find((value): value is string => typeof value === "string")
  const code = [typeof root.error === "string" ? root.error : undefined, nested.status, nested.code, root.code]
    .find((value): value is string => typeof value === "string" && /^[A-Za-z][A-Za-z0-9_.-]{0,39}$/.test(value))
  const detail = text === undefined ? undefined : safeText(text, secrets)
  return {
    ...(detail === undefined || detail === code ? {} : { detail }),
    ...(code === undefined || secrets.some((secret) => secret.includes(code)) ? {} : { code })
  }
}

/**
 * A provider's message (an error text in a 2xx answer too, e.g. Zhipu's `msg`) when it reads as prose: short, none
 * of our secrets in it, no word that could be a token. Otherwise nothing: such text is dropped, never cut.
 */
export const safeText = (text: string, secrets: ReadonlyArray<string>): string | undefined => {
  const flat = text.replace(/\s+/g, " ").trim()
  if (flat === "" || flat.length > 160) return undefined
  if (secrets.some((secret) => flat.includes(secret))) return undefined
  if (/bearer|authorization|token\s*[:=]/i.test(flat)) return undefined
  const tokenLike = (word: string) => word.length >= 24 || (word.length >= 12 && /\d/.test(word) && /[A-Za-z]/.test(word))
  return flat.split(" ").some(tokenLike) ? undefined : flat
}

const scrub = (text: string, secrets: ReadonlyArray<string>) =>
  secrets.reduce((acc, secret) => acc.split(secret).join("****"), text)

/** `https://user:pass@host/x` → `https://host/x`: a base URL variable may carry credentials. */
const withoutCredentials = (url: string): string => {
  if (!URL.canParse(url)) return url
  const parsed = new URL(url)
  if (parsed.username === "" && parsed.password === "") return url
  parsed.username = ""
  parsed.password = ""
  return parsed.href
}

/** fetch says only "fetch failed"; the reason ("connect ECONNREFUSED 127.0.0.1:9") is at the end of `cause`. */
const rootCause = (error: unknown): string => {
  let current: unknown = error
  while (typeof current === "object" && current !== null && "cause" in current && current.cause !== undefined) {
    current = current.cause
  }
  return current instanceof Error ? current.message : String(current)
}

/** A variable that is set to something other than blanks. */
export const optionalVariable = (name: string) =>
  Config.string(name).pipe(Config.option, Effect.map(Option.filter((value) => value.trim() !== "")), Effect.orElseSucceed(Option.none))

/**
 * The proxy variable that applies to `url`, by the usual convention (undici's and curl's): `HTTPS_PROXY` for https,
 * `HTTP_PROXY` for http, lower case first, unless `NO_PROXY` names the host. Only for wording a network error.
 */
const proxyFor = (url: string): Effect.Effect<string | undefined> =>
  Effect.gen(function*() {
    if (!URL.canParse(url)) return undefined
    const { hostname, protocol } = new URL(url)
    // The CLI's agent (src/cli/platform.ts) sends https:// through HTTP_PROXY when HTTPS_PROXY is not set.
    const names = protocol === "https:"
      ? ["https_proxy", "HTTPS_PROXY", "http_proxy", "HTTP_PROXY"]
      : ["http_proxy", "HTTP_PROXY"]
    let chosen: string | undefined
    for (const name of names) {
      if (chosen === undefined && Option.isSome(yield* optionalVariable(name))) chosen = name
    }
    if (chosen === undefined) return undefined
    const lower = yield* optionalVariable("no_proxy")
    const upper = yield* optionalVariable("NO_PROXY")
    const list = Option.getOrElse(Option.orElse(lower, () => upper), () => "")
    const exempt = list.split(/[\s,]+/).filter((entry) => entry !== "").some((entry) => {
      const host = entry.replace(/^\*?\.?/, "").replace(/:\d+$/, "").toLowerCase()
      return entry === "*" || hostname.toLowerCase() === host || hostname.toLowerCase().endsWith(`.${host}`)
    })
    return exempt ? undefined : chosen
  })

/** `Retry-After` is either delta-seconds or an HTTP date. */
const retryAfter = (header: string | undefined): Effect.Effect<number | undefined> =>
  Effect.map(Clock.currentTimeMillis, (now) => {
    if (header === undefined || header.trim() === "") return undefined
    const seconds = Number(header)
    if (Number.isFinite(seconds)) return Math.max(0, Math.round(seconds))
    const date = Date.parse(header)
    return Number.isNaN(date) ? undefined : Math.max(0, Math.round((date - now) / 1000))
  })
