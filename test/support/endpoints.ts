/**
 * Every provider endpoint as the fault matrix (test/faults.test.ts) sees it: which provider it belongs to, which home
 * reaches it, and which fields of a 2xx answer carry its data. A new provider joins the matrix by adding its
 * endpoints to `ENDPOINTS` (and its credentials to `seedHome`, its happy answers to `happyRoutes`).
 */
import type { QuotaError } from "../../src/schema/errors.js"
import type { RecordedRequest, Routes } from "./FakeServer.js"
import {
  COPILOT_PATHS,
  COPILOT_SECRETS,
  copilotPatFile,
  copilotSessionToken,
  copilotUser,
  GOOGLE_PATHS,
  happyRoutes,
  PATHS,
  premiumRequestUsage,
  seedHome
} from "./fixtures.js"

/** Where OpenCode's config dir keeps the user's Copilot PAT file, relative to HOME (seed FAQ; §3). */
export const COPILOT_PAT_PATH = ".config/opencode/copilot-quota-token.json"

export interface HomeWriter {
  readonly write: (relative: string, content: string | object) => string
}

/** A way the temp home is configured, and the routes under which every provider in it reports. */
export interface Configuration {
  readonly name: string
  readonly seed: (home: HomeWriter, now: number) => void
  readonly routes: (now: number) => Routes
}

export const CONFIGURATIONS = {
  /** `seedHome`: every provider, Copilot through OpenCode's GitHub login, two Google accounts with projects. */
  login: { name: "login", seed: seedHome, routes: happyRoutes },
  /** The same, plus the Copilot PAT file, which Copilot then prefers: its public billing API is asked instead. */
  pat: {
    name: "pat",
    seed: (home, now) => {
      seedHome(home, now)
      home.write(COPILOT_PAT_PATH, copilotPatFile())
    },
    routes: (now) => ({ ...happyRoutes(now), [`GET ${COPILOT_PATHS.billing}`]: { body: premiumRequestUsage } })
  }
} as const satisfies Readonly<Record<string, Configuration>>

/**
 * What a field read from a 2xx answer holds: a `container` (object or list) or `text` (a token). A wrong-shape
 * answer puts a string where a container belongs and an object where text belongs.
 */
export type FieldKind = "container" | "text"

export interface Endpoint {
  readonly provider: string
  /** The fake server's route key, `"METHOD /path"`. */
  readonly route: string
  readonly configuration: keyof typeof CONFIGURATIONS
  /** The top-level fields of a 2xx answer the provider reads here. */
  readonly reads: Readonly<Record<string, FieldKind>>
  /** Routes that must answer otherwise than `happyRoutes` for a run to reach this endpoint at all. */
  readonly reach?: (now: number) => Routes
  /** How a refusal (401, 403, 404) from here is reported, when not as an `HttpError`. */
  readonly refusedAs?: QuotaError["_tag"]
}

/**
 * `copilot_internal/user` refuses the gho_ token and accepts only the session token, so the client must go through
 * `copilot_internal/v2/token` (provider-api-facts §2.3, "when refused, exchange"), which answers normally.
 */
const userRefusesGho = (): Routes => ({
  [`GET ${COPILOT_PATHS.user}`]: (request) =>
    request.headers.authorization === `Bearer ${COPILOT_SECRETS.session}`
      ? { body: copilotUser }
      : { status: 401, body: { message: "Bad credentials" } },
  [`GET ${COPILOT_PATHS.token}`]: { body: copilotSessionToken }
})

export const ENDPOINTS: ReadonlyArray<Endpoint> = [
  {
    provider: "openai",
    route: `GET ${PATHS.openai}`,
    configuration: "login",
    reads: { rate_limit: "container", code_review_rate_limit: "container", additional_rate_limits: "container", credits: "container" }
  },
  { provider: "zhipu", route: `GET ${PATHS.zhipu}`, configuration: "login", reads: { data: "container", limits: "container" } },
  { provider: "zai", route: `GET ${PATHS.zai}`, configuration: "login", reads: { data: "container", limits: "container" } },
  {
    provider: "copilot",
    route: `GET ${COPILOT_PATHS.user}`,
    configuration: "login",
    reads: { quota_snapshots: "container" },
    // Refused, the client exchanges the token, which the fake server does not know either: the PAT advice.
    refusedAs: "ProviderProblem"
  },
  {
    provider: "copilot",
    route: `GET ${COPILOT_PATHS.token}`,
    configuration: "login",
    reads: { token: "text" },
    reach: userRefusesGho,
    refusedAs: "ProviderProblem"
  },
  { provider: "copilot", route: `GET ${COPILOT_PATHS.billing}`, configuration: "pat", reads: { timePeriod: "container", usageItems: "container" } },
  { provider: "google", route: `POST ${GOOGLE_PATHS.token}`, configuration: "login", reads: { access_token: "text" } },
  { provider: "google", route: `POST ${GOOGLE_PATHS.fetchModels}`, configuration: "login", reads: { models: "container" } }
]

/** The routes of a run that reaches `endpoint`, every provider answering normally. */
export const routesFor = (endpoint: Endpoint, now: number): Routes => ({
  ...CONFIGURATIONS[endpoint.configuration].routes(now),
  ...endpoint.reach?.(now)
})

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
