import { Context, type Effect, type Layer } from "effect"
import type { Check } from "../doctor/Check.js"
import type { ProviderWordsByLang } from "../i18n/index.js"
import type { QuotaError } from "../schema/errors.js"
import type { AccountReport } from "../schema/report.js"

/** A credential file, and the entry in it when the file is shared (`auth.json`). */
export interface CredentialSource {
  readonly path: string
  readonly entry: string | null
}

/** One configured account of a provider, ready to be asked. */
export interface Account {
  /** How the user recognises it before the query answers (email, masked key, position); `null` if unknown. */
  readonly label: string | null
  /** The account's stable identity, never a secret: an email, a masked key, a host, or `fingerprint` of an id. */
  readonly key: string
  readonly query: Effect.Effect<AccountReport, QuotaError>
}

/**
 * The one capability every platform implements. `accounts` only reads local credentials (an empty list means
 * "not configured", which is not an error); each account's `query` does the network work.
 */
export interface QuotaProvider {
  readonly id: string
  readonly name: string
  /** Other names people use for it ("codex", "antigravity"), for lenient matching in the OpenCode tool. */
  readonly aliases: ReadonlyArray<string>
  /**
   * Requests an account's query makes one after another when all goes well (Google: token, then quota). The run
   * starts the longest chains first, so their first request leaves before the others' CPU work.
   */
  readonly roundTrips: number
  /** Where its credentials are looked for (shown when nothing is configured). */
  readonly sources: ReadonlyArray<CredentialSource>
  /** The environment variables it reads besides the shared ones (its `MYSTATUS_*` base URLs), for `--help`. */
  readonly variables: ReadonlyArray<string>
  readonly accounts: Effect.Effect<ReadonlyArray<Account>, QuotaError>
  /** Every auth.json key it reads, when more than its sources' entry (Copilot's older names): doctor lists the rest as ignored. */
  readonly authKeys?: ReadonlyArray<string>
  /**
   * Its own `mystatus doctor` checks beyond what `accounts` already proves (which login will be used, each account's
   * state), run once its credentials decoded. Kept in the platform's folder; only reads.
   */
  readonly doctor?: Effect.Effect<ReadonlyArray<Check>>
}

/**
 * A short stable name for an identifier that must not be shown (a refresh token): FNV-1a, 64 bits, hex. Not a
 * cryptographic hash: it only has to tell accounts apart and be the same in every run, on Node and on Bun.
 */
export const fingerprint = (id: string): string => {
  let hash = 0xcbf29ce484222325n
  for (const byte of new TextEncoder().encode(id)) hash = BigInt.asUintN(64, (hash ^ BigInt(byte)) * 0x100000001b3n)
  return hash.toString(16).padStart(16, "0")
}

/**
 * What the registry lists: a platform's service tag, carrying as statics its id, its own words in every language
 * (which the renderer reads) and its layer. Other Effect programs use the tag and layer as any service's.
 */
export interface ProviderService {
  readonly id: string
  readonly words: ProviderWordsByLang
  readonly layer: Layer.Layer<any, never, any>
}

/**
 * The base of a platform's service tag: `class OpenAi extends ProviderTag("mystatus/providers/OpenAi", { id, words
 * })<OpenAi>() { static readonly layer = ... }`. The statics are what the registry and the renderer read.
 */
export const ProviderTag = <const Key extends string>(
  key: Key,
  definition: { readonly id: string; readonly words: ProviderWordsByLang }
) =>
<Self>() => Object.assign(Context.Tag(key)<Self, QuotaProvider>(), definition)

/** `9c89****AQVM`: enough to tell keys apart, never enough to use one. */
export const maskKey = (key: string): string => (key.length <= 12 ? "****" : `${key.slice(0, 4)}****${key.slice(-4)}`)

/** The provider a person (or a model) means by `name`: its id, display name or an alias, ignoring case and spacing. */
export const findProvider = <P extends Pick<QuotaProvider, "id" | "name" | "aliases">>(
  providers: ReadonlyArray<P>,
  name: string
): P | undefined => {
  const key = (text: string) => text.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "")
  const wanted = key(name)
  if (wanted === "") return undefined
  return providers.find((p) => [p.id, p.name, ...p.aliases].some((candidate) => key(candidate) === wanted))
}
