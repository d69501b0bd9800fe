/**
 * What a provider's test folder gives the shared tests: `test/providers/<folder>/fixtures.ts` exports one
 * `fixture` of this type, and `test/support/fixtures.ts` finds it there (no list names it). Written from
 * `shared/docs/provider-api-facts.md`, each fixture naming the section it encodes.
 */
import type { QuotaError } from "../../src/schema/errors.js"
import type { JsonProvider, JsonWindow } from "../../src/schema/json.js"
import type { Routes } from "./FakeServer.js"

/** Seconds, for fixtures that speak in window lengths and reset delays. */
export const HOUR = 3600
export const DAY = 24 * HOUR

/** Credential files other than auth.json: a path relative to HOME → its content (an object is written as JSON). */
export type CredentialFileMap = Readonly<Record<string, string | object>>

export interface ProviderFixture {
  /** The registry ids this folder's provider reports under (one service per id), in the registry's order. */
  readonly ids: ReadonlyArray<string>
  /** Every string of these fixtures that must never appear in any output (each contains "SECRET"). */
  readonly secrets: ReadonlyArray<string>
  /**
   * Its entries of OpenCode's auth.json; empty when it reads none. Each entry's key is where it looks first (the
   * `sources` a run names when nothing is configured), in the order of `ids`.
   */
  readonly authEntries: (now: number) => Readonly<Record<string, object>>
  /** Its other credential files, for a home where every provider is configured. */
  readonly files: (now: number) => CredentialFileMap
  /** Its base-URL variables, pointing at a fake server at `url` (a prefix each where providers share a path). */
  readonly baseUrlEnv: (url: string) => Readonly<Record<string, string>>
  /** Its endpoints answering normally for the credentials above. */
  readonly routes: (now: number) => Routes
  /** Its endpoints as the fault matrix (test/faults.test.ts) sees them. */
  readonly endpoints: ReadonlyArray<Endpoint>
  /** What a run with every provider configured reports of it, one entry per account, in report order. */
  readonly fullRun: (now: number) => ReadonlyArray<ExpectedAccount>
}

export interface ExpectedAccount {
  readonly id: string
  /** As the report names it; `null` when the platform says nothing of the account. */
  readonly account: string | null
  /** What the text report shows of it, whenever it is rendered: lines or patterns. */
  readonly text: ReadonlyArray<string | RegExp>
  /** Fields of its `--json` entry, each compared whole (`toEqual`). */
  readonly json: Partial<JsonProvider>
  /** How many requests its query sends at once before any answer (OpenRouter's key and credits); 1 when not given. */
  readonly firstRequests?: number
}

/** A window of the `--json` report as a fixture expects it: the length and the counts are null unless given. */
export const jsonWindow = (
  window: Pick<JsonWindow, "key" | "label" | "usedPercent" | "remainingPercent" | "resetsAt"> & Partial<JsonWindow>
): JsonWindow => ({ windowSeconds: null, used: null, limit: null, unit: null, ...window })

/**
 * What a field read from a 2xx answer holds: a `container` (object or list) or `text` (a token). A wrong-shape
 * answer puts a string where a container belongs and an object where text belongs.
 */
export type FieldKind = "container" | "text"

/**
 * Another way a provider may be configured, on top of the home where every provider is: Copilot's PAT file, which
 * it then prefers to OpenCode's login.
 */
export interface Variant {
  /** Named in the fault matrix's rows. */
  readonly name: string
  /** The credential files it adds. */
  readonly files: (now: number) => CredentialFileMap
  /** The routes it needs besides every provider's normal ones. */
  readonly routes: (now: number) => Routes
  /** Whether the provider still reads auth.json so configured (Copilot with a PAT file does not). */
  readonly readsAuthJson: boolean
}

export interface Endpoint {
  readonly provider: string
  /** The fake server's route key, `"METHOD /path"`. */
  readonly route: string
  /** The top-level fields of a 2xx answer the provider reads here. */
  readonly reads: Readonly<Record<string, FieldKind>>
  /** How the home differs from every provider's normal one for a run to reach this endpoint. */
  readonly variant?: Variant
  /** Routes that must answer otherwise than normally for a run to reach this endpoint at all. */
  readonly reach?: (now: number) => Routes
  /**
   * The accounts (by `accountKey`) whose queries ask this endpoint, when not all of the provider's do (MiniMax: one
   * account per platform, each with its own endpoint). A fault here fails those alone; the others still report.
   */
  readonly accounts?: ReadonlyArray<string>
  /**
   * Statuses that from here do not fail the account: it still reports what its other endpoints gave, and says what is
   * missing (OpenRouter's credits, which a key without management rights may not read).
   */
  readonly degradesOn?: ReadonlyArray<number>
  /** How a refusal (401, 403, 404) from here is reported, when not as an `HttpError`. */
  readonly refusedAs?: QuotaError["_tag"]
  /** Also run as a process (the built CLI) under this fault of the matrix, with `--json` or as text. */
  readonly process?: { readonly fault: string; readonly json: boolean }
}
