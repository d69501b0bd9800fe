import { Schema } from "effect"
import { Issues } from "./issues.js"

/**
 * Every way a provider can fail, as data. Each carries the provider id; the human text (in the user's
 * language, with the fix) is written by the renderer from these fields, so no error ever formats a secret.
 */

/** Why a credential file that exists cannot be used. Never a quote of the file: it holds secrets. */
export const FileProblem = Schema.Literal(
  "isDirectory",
  /** A FIFO, socket or device: reading it could block forever. */
  "notRegularFile",
  "permissionDenied",
  "tooLarge",
  "tooDeep",
  "notJson",
  "notObject",
  /** Any other I/O failure; `detail` carries the system's error code (EIO, ELOOP, ...). */
  "ioError"
)
export type FileProblem = typeof FileProblem.Type

/**
 * A credential file (OpenCode's `auth.json`, or a provider's own file) exists but cannot be read, or is not JSON.
 * `provider` is "opencode" for auth.json, else the provider that owns the file.
 */
export class AuthFileUnreadable extends Schema.TaggedError<AuthFileUnreadable>()("AuthFileUnreadable", {
  provider: Schema.String,
  path: Schema.String,
  problem: FileProblem,
  /** `notJson`: where the first error is (1-based). */
  line: Schema.optional(Schema.Number),
  column: Schema.optional(Schema.Number),
  /** `ioError`: the system error code; `tooLarge`: the limit in bytes. Never text from the file. */
  detail: Schema.optional(Schema.String)
}) {}

/**
 * A credential file, or an entry of one (`entry`: its key in auth.json), has the wrong shape; `issues` name the
 * fields and what they expect, never a value.
 */
export class CredentialsInvalid extends Schema.TaggedError<CredentialsInvalid>()("CredentialsInvalid", {
  provider: Schema.String,
  source: Schema.String,
  entry: Schema.optional(Schema.String),
  issues: Issues
}) {}

/** An environment variable the provider reads (a base URL) is not an http(s) URL; its value is not kept. */
export class ConfigInvalid extends Schema.TaggedError<ConfigInvalid>()("ConfigInvalid", {
  provider: Schema.String,
  variable: Schema.String
}) {}

/** The stored OAuth access token is past `expires`; we never refresh it ourselves. */
export class TokenExpired extends Schema.TaggedError<TokenExpired>()("TokenExpired", {
  provider: Schema.String,
  expiredAt: Schema.Number
}) {}

/**
 * The quota endpoint answered with a non-2xx status. `detail` is the provider's own short error text (its `message`,
 * `error_description`, ...) only when it reads as prose: anything that could be a token is dropped, never quoted.
 */
export class HttpError extends Schema.TaggedError<HttpError>()("HttpError", {
  provider: Schema.String,
  endpoint: Schema.String,
  status: Schema.Number,
  detail: Schema.optional(Schema.String),
  /** The provider's machine-readable error code when it sent one (OAuth's `error`, e.g. "invalid_grant"). */
  code: Schema.optional(Schema.String),
  retryAfterSeconds: Schema.optional(Schema.Number),
  /** A key of the platform's own `hints`: its fix replaces the generic advice (e.g. a token's missing permission). */
  hint: Schema.optional(Schema.String)
}) {}

/** The endpoint answered 2xx but said the call failed (e.g. Zhipu's `success:false`). */
export class ApiError extends Schema.TaggedError<ApiError>()("ApiError", {
  provider: Schema.String,
  /** The API's own name as its users know it ("Zhipu"), for "Zhipu API request failed (401): …". */
  service: Schema.String,
  endpoint: Schema.String,
  code: Schema.String,
  detail: Schema.String
}) {}

/** How a 2xx answer was unusable. */
export const ResponseProblem = Schema.Literal(
  /** Valid JSON of another shape: `problem` names the fields and what was expected, never a value. */
  "shape",
  /** JSON, but none of the fields that carry this provider's quota (a changed API, a portal, a wrong base URL). */
  "noQuota",
  "notJson",
  "empty",
  "tooLarge",
  "tooDeep"
)
export type ResponseProblem = typeof ResponseProblem.Type

/** The endpoint answered with something that is not the shape we know. */
export class DecodeError extends Schema.TaggedError<DecodeError>()("DecodeError", {
  provider: Schema.String,
  endpoint: Schema.String,
  reason: ResponseProblem,
  /** `shape`: the fields and what they expect. */
  issues: Schema.optional(Issues),
  /** `noQuota`: the fields that carry this provider's quota, looked for in vain. */
  fields: Schema.optional(Schema.Array(Schema.String))
}) {}

/** The endpoint could not be reached at all (DNS, refused, reset). */
export class NetworkError extends Schema.TaggedError<NetworkError>()("NetworkError", {
  provider: Schema.String,
  endpoint: Schema.String,
  cause: Schema.String,
  /** The proxy variable in effect for this request (HTTPS_PROXY, ...), if any: the fix then names it. */
  proxy: Schema.optional(Schema.String)
}) {}

/**
 * A failure only one platform has (Copilot's login that cannot read the quota API, an Antigravity account without a
 * project): `problem` names it, and the platform's own words (its folder's `words.ts`) say it. `params` holds what
 * those words need: paths and numbers, never a secret. In JSON, `problem` is the error's tag.
 */
export class ProviderProblem extends Schema.TaggedError<ProviderProblem>()("ProviderProblem", {
  provider: Schema.String,
  problem: Schema.String,
  params: Schema.Record({ key: Schema.String, value: Schema.Union(Schema.String, Schema.Number) })
}) {}

/** The provider did not finish within the run's per-provider timeout. */
export class Timeout extends Schema.TaggedError<Timeout>()("Timeout", {
  provider: Schema.String,
  seconds: Schema.Number
}) {}

export const QuotaError = Schema.Union(
  AuthFileUnreadable,
  CredentialsInvalid,
  ConfigInvalid,
  TokenExpired,
  HttpError,
  ApiError,
  DecodeError,
  NetworkError,
  ProviderProblem,
  Timeout
)
export type QuotaError = typeof QuotaError.Type
