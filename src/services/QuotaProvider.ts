import type { Effect } from "effect"
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
  readonly accounts: Effect.Effect<ReadonlyArray<Account>, QuotaError>
}

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
