/**
 * The fault matrix's view of the endpoints (test/faults.test.ts): each provider's are in its fixtures
 * (`ProviderFixture.endpoints`); here is how a run reaches one, and the answers that echo what was sent.
 */
import type { RecordedRequest, Routes } from "./FakeServer.js"
import { type HomeWriter, withVariants } from "./fixtures.js"
import type { Endpoint } from "./ProviderFixture.js"

/** The home and routes of a run that reaches `endpoint`, every provider answering normally. */
const configurationOf = (endpoint: Endpoint) => withVariants(endpoint.variant === undefined ? [] : [endpoint.variant])

export const seedFor = (endpoint: Endpoint, home: HomeWriter, now: number) => configurationOf(endpoint).seed(home, now)

export const routesFor = (endpoint: Endpoint, now: number): Routes => ({
  ...configurationOf(endpoint).routes(now),
  ...endpoint.reach?.(now)
})

export const rowName = (endpoint: Endpoint) =>
  `${endpoint.provider} ${endpoint.route}${endpoint.variant === undefined ? "" : ` (${endpoint.variant.name})`}`

/**
 * A token the server sends that the client never had: nothing may ever print it. It says SECRET like every fixture
 * secret, so one search finds both.
 */
export const SERVER_TOKEN = "srv_FRESH-TOKEN-SENT-BY-SERVER-SECRET-91ab"

/** The credential a request carried: its Authorization header, else the refresh token of an OAuth form body. */
export const credentialOf = (request: RecordedRequest): string => {
  const header = request.headers.authorization
  if (typeof header === "string" && header !== "") return header
  return new URLSearchParams(request.body).get("refresh_token") ?? request.body
}

/**
 * A 2xx answer of the wrong shape that echoes the request's credential in every field the provider reads (as a
 * misconfigured proxy or a debugging endpoint might) and also sends a fresh token.
 */
export const echoBody = (endpoint: Endpoint, request: RecordedRequest): object => {
  const credential = credentialOf(request)
  const wrong = Object.fromEntries(
    Object.entries(endpoint.reads).map(([field, kind]) => [
      field,
      kind === "container" ? credential : { value: credential, fresh: SERVER_TOKEN }
    ])
  )
  return {
    access_token: SERVER_TOKEN,
    refresh_token: SERVER_TOKEN,
    msg: credential,
    message: credential,
    ...wrong
  }
}

/** An error body that echoes the credential and a fresh token in the fields providers' error texts come from. */
export const echoErrorBody = (request: RecordedRequest): object => {
  const credential = credentialOf(request)
  return {
    error: { message: `Rejected ${credential}`, code: SERVER_TOKEN },
    error_description: `Token ${credential} is not valid; use ${SERVER_TOKEN}`,
    message: credential,
    msg: credential,
    detail: SERVER_TOKEN,
    access_token: SERVER_TOKEN
  }
}
