import { Schema } from "effect"

/**
 * Every way a provider can fail, as data. Each carries the provider id; the human text (in the user's
 * language, with the fix) is written by the renderer from these fields, so no error ever formats a secret.
 */

/** OpenCode's `auth.json` exists but cannot be read or is not JSON. */
export class AuthFileUnreadable extends Schema.TaggedError<AuthFileUnreadable>()("AuthFileUnreadable", {
  provider: Schema.String,
  path: Schema.String,
  cause: Schema.String
}) {}

/** A credential entry or file has the wrong shape; `problem` names the field, never its value. */
export class CredentialsInvalid extends Schema.TaggedError<CredentialsInvalid>()("CredentialsInvalid", {
  provider: Schema.String,
  source: Schema.String,
  problem: Schema.String
}) {}

/** An environment variable the provider reads (a base URL) has a bad value. */
export class ConfigInvalid extends Schema.TaggedError<ConfigInvalid>()("ConfigInvalid", {
  provider: Schema.String,
  problem: Schema.String
}) {}

/** The stored OAuth access token is past `expires`; we never refresh it ourselves. */
export class TokenExpired extends Schema.TaggedError<TokenExpired>()("TokenExpired", {
  provider: Schema.String,
  expiredAt: Schema.Number
}) {}

/** The quota endpoint answered with a non-2xx status. `body` is a short excerpt with secrets removed. */
export class HttpError extends Schema.TaggedError<HttpError>()("HttpError", {
  provider: Schema.String,
  endpoint: Schema.String,
  status: Schema.Number,
  body: Schema.String,
  retryAfterSeconds: Schema.optional(Schema.Number),
  /** A provider-specific explanation the renderer adds to the fix (e.g. a token's missing permission). */
  hint: Schema.optional(Schema.Literal("copilotPatPermission", "googleSignInAgain"))
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

/** The endpoint answered with something that is not the shape we know. */
export class DecodeError extends Schema.TaggedError<DecodeError>()("DecodeError", {
  provider: Schema.String,
  endpoint: Schema.String,
  problem: Schema.String
}) {}

/** The endpoint could not be reached at all (DNS, refused, reset). */
export class NetworkError extends Schema.TaggedError<NetworkError>()("NetworkError", {
  provider: Schema.String,
  endpoint: Schema.String,
  cause: Schema.String
}) {}

/** OpenCode's Copilot login cannot read the quota API and no PAT is configured (seed FAQ, issue 6). */
export class CopilotQuotaUnavailable extends Schema.TaggedError<CopilotQuotaUnavailable>()("CopilotQuotaUnavailable", {
  provider: Schema.String,
  status: Schema.Number,
  patPath: Schema.String
}) {}

/** An Antigravity account has no Google Cloud project and `loadCodeAssist` found none either. */
export class MissingProjectId extends Schema.TaggedError<MissingProjectId>()("MissingProjectId", {
  provider: Schema.String,
  path: Schema.String
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
  CopilotQuotaUnavailable,
  MissingProjectId,
  Timeout
)
export type QuotaError = typeof QuotaError.Type
