import { Schema } from "effect"
import { nullable } from "../../schema/fields.js"
import { Secret } from "../../schema/auth.js"

/** provider-api-facts §2.5 and §3 (`antigravity-accounts.json`). */
const optionalText = Schema.optional(Schema.String)

/**
 * One account of the opencode-antigravity-auth plugin. Versions 1 to 4 of the file share these fields; the rest
 * (rate-limit bookkeeping, cached quota, ...) is the plugin's and ignored here.
 */
export const AntigravityAccount = Schema.Struct({
  email: optionalText,
  refreshToken: Secret,
  projectId: optionalText,
  managedProjectId: optionalText,
  enabled: Schema.optional(Schema.Boolean)
})
export type AntigravityAccount = typeof AntigravityAccount.Type

export const AntigravityAccountsFile = Schema.Struct({
  version: Schema.optional(Schema.Number),
  accounts: Schema.Array(AntigravityAccount)
})
export type AntigravityAccountsFile = typeof AntigravityAccountsFile.Type

/** Google's OAuth token endpoint, refresh grant. */
export const TokenResponse = Schema.Struct({ access_token: Schema.Redacted(Schema.String) })

/** `v1internal:loadCodeAssist`: the project may be a string or `{id}`. */
export const LoadCodeAssist = Schema.Struct({
  cloudaicompanionProject: nullable(Schema.Union(Schema.String, Schema.Struct({ id: nullable(Schema.String) }))),
  currentTier: nullable(Schema.Struct({ id: nullable(Schema.String), name: nullable(Schema.String) })),
  paidTier: nullable(Schema.Struct({ id: nullable(Schema.String), name: nullable(Schema.String) }))
})
export type LoadCodeAssist = typeof LoadCodeAssist.Type

/** `v1internal:fetchAvailableModels`: keys drift and are recycled, so they are data, not constants. */
export const AvailableModels = Schema.Struct({
  models: nullable(
    Schema.Record({
      key: Schema.String,
      value: Schema.Struct({
        displayName: nullable(Schema.String),
        quotaInfo: nullable(
          Schema.Struct({
            /** 0..1 remaining; absent when exhausted. */
            remainingFraction: nullable(Schema.Number),
            resetTime: nullable(Schema.String),
            isExhausted: nullable(Schema.Boolean)
          })
        )
      })
    })
  )
})
export type AvailableModels = typeof AvailableModels.Type
