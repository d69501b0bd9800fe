/**
 * Every provider's fixtures, found where they live, in `test/providers/<folder>/fixtures.ts` (no list here names
 * them), and what the shared tests, the demo, the bench and the fake server derive from them: the home where every
 * provider is configured, the routes that answer it, the base URLs that point at them, the secrets no output may
 * hold, the fault matrix's endpoints, and what a run over all of it reports. Ordered as `REGISTRY` orders the
 * providers, which is the report's order.
 */
import { readdirSync } from "node:fs"
import { join } from "node:path"
import { fileURLToPath, pathToFileURL } from "node:url"
import { REGISTRY } from "../../src/providers/registry.js"
import type { Routes } from "./FakeServer.js"
import { AUTH_JSON } from "./Home.js"
import type { CredentialFileMap, Endpoint, ExpectedAccount, ProviderFixture, Variant } from "./ProviderFixture.js"

export const PROVIDERS_DIR = fileURLToPath(new URL("../providers/", import.meta.url))

export interface DiscoveredFixture extends ProviderFixture {
  /** Its folder under test/providers/, named as its provider's folder under src/providers/. */
  readonly folder: string
}

/** The registry ids, in report order. */
export const REGISTERED_IDS: ReadonlyArray<string> = REGISTRY.map((provider) => provider.id)

const reportOrder = (id: string) => {
  const index = REGISTERED_IDS.indexOf(id)
  return index === -1 ? REGISTERED_IDS.length : index
}

const discover = async (): Promise<ReadonlyArray<DiscoveredFixture>> => {
  const folders = readdirSync(PROVIDERS_DIR, { withFileTypes: true }).filter((entry) => entry.isDirectory())
  const found = await Promise.all(folders.map(async ({ name: folder }) => {
    const file = join(PROVIDERS_DIR, folder, "fixtures.ts")
    const module = (await import(pathToFileURL(file).href)) as { readonly fixture?: ProviderFixture }
    if (module.fixture === undefined) throw new Error(`${file} exports no \`fixture\` (a ProviderFixture)`)
    return { folder, ...module.fixture }
  }))
  return found.sort((a, b) => reportOrder(a.ids[0] ?? "") - reportOrder(b.ids[0] ?? ""))
}

export const FIXTURES: ReadonlyArray<DiscoveredFixture> = await discover()

const merged = <A>(part: (fixture: DiscoveredFixture) => Readonly<Record<string, A>>): Record<string, A> =>
  Object.assign({}, ...FIXTURES.map(part))

/** An entry of a provider no one knows: ignored (§3 lists many). */
const UNKNOWN_ENTRIES = { deepseek: { type: "api", key: "sk-FIXTURE-deepseek-SECRET" } }

/** auth.json where every provider is configured (and one unknown entry). */
export const authEntries = (now: number): Record<string, object> => ({
  ...merged((fixture) => fixture.authEntries(now)),
  ...UNKNOWN_ENTRIES
})

/** The other credential files where every provider is configured, relative to HOME. */
const credentialFiles = (now: number): CredentialFileMap => merged((fixture) => fixture.files(now))

/** Every provider answering normally. */
export const happyRoutes = (now: number): Routes => merged((fixture) => fixture.routes(now))

/** Base URLs pointing every provider at the fake server at `url`. */
export const baseUrlEnv = (url: string): Record<string, string> => merged((fixture) => fixture.baseUrlEnv(url))

export interface HomeWriter {
  readonly write: (relative: string, content: string | object) => string
}

const writeAll = (home: HomeWriter, files: CredentialFileMap) => {
  for (const [path, content] of Object.entries(files)) home.write(path, content)
}

/** A home with every provider configured, as the demo, the bench and the end-to-end tests use it. */
export const seedHome = (home: HomeWriter, now: number) => {
  home.write(AUTH_JSON, authEntries(now))
  writeAll(home, credentialFiles(now))
}

/** Every secret the fixtures hold: no output may contain any of them. */
export const FIXTURE_SECRETS: ReadonlyArray<string> = [
  ...FIXTURES.flatMap((fixture) => fixture.secrets),
  ...Object.values(UNKNOWN_ENTRIES).map((entry) => entry.key)
]

/** Every provider endpoint as the fault matrix sees it. */
export const ENDPOINTS: ReadonlyArray<Endpoint> = FIXTURES.flatMap((fixture) => fixture.endpoints)

const variantsOf = (fixture: ProviderFixture): ReadonlyArray<Variant> => [
  ...new Set(fixture.endpoints.flatMap((endpoint) => (endpoint.variant === undefined ? [] : [endpoint.variant])))
]

/** The home of `seedHome` with `variants` on top, and the routes that answer it. */
export const withVariants = (variants: ReadonlyArray<Variant>) => ({
  seed: (home: HomeWriter, now: number) => {
    seedHome(home, now)
    for (const variant of variants) writeAll(home, variant.files(now))
  },
  routes: (now: number): Routes => Object.assign(happyRoutes(now), ...variants.map((variant) => variant.routes(now)))
})

/** Every variant of every provider at once: each credential file any of them reads is there. */
export const EVERY_VARIANT = withVariants(FIXTURES.flatMap(variantsOf))

/** A fixture's credential files other than auth.json, its variants' included. */
const otherFiles = (fixture: ProviderFixture, now: number): CredentialFileMap =>
  Object.assign({}, fixture.files(now), ...variantsOf(fixture).map((variant) => variant.files(now)))

/** A credential file (relative to HOME), as `EVERY_VARIANT` writes it, and the ids that read it. */
export interface CredentialFile {
  readonly path: string
  readonly content: string | object
  readonly readers: ReadonlyArray<string>
}

/** auth.json first, then the other files in report order. */
export const credentialFilesOf = (now: number): ReadonlyArray<CredentialFile> => [
  {
    path: AUTH_JSON,
    content: authEntries(now),
    readers: FIXTURES.filter((fixture) => Object.keys(fixture.authEntries(now)).length > 0).flatMap((fixture) => fixture.ids)
  },
  ...FIXTURES.flatMap((fixture) =>
    Object.entries(otherFiles(fixture, now)).map(([path, content]): CredentialFile => ({ path, content, readers: fixture.ids }))
  )
]

/** The ids that, in the home of `EVERY_VARIANT`, never read auth.json. */
export const IGNORING_AUTH_JSON: ReadonlyArray<string> = FIXTURES.filter((fixture) =>
  Object.keys(fixture.authEntries(0)).length === 0 || variantsOf(fixture).some((variant) => !variant.readsAuthJson)
).flatMap((fixture) => fixture.ids)

/**
 * Where each provider looks for its credentials, in report order (what a run with nothing configured names): each
 * auth.json entry's key, then each other file. Paths relative to HOME.
 */
export const SOURCES: ReadonlyArray<{ readonly path: string; readonly entry: string | null }> = FIXTURES.flatMap((fixture) => [
  ...Object.keys(fixture.authEntries(0)).map((entry) => ({ path: AUTH_JSON, entry })),
  ...Object.keys(otherFiles(fixture, 0)).map((path) => ({ path, entry: null }))
])

/** What a run with every provider configured (`seedHome`, `happyRoutes(now)`) reports, in report order. */
export const fullRun = (now: number): ReadonlyArray<ExpectedAccount> =>
  FIXTURES.flatMap((fixture) => fixture.fullRun(now))
    .map((account, index) => ({ account, index }))
    .sort((a, b) => reportOrder(a.account.id) - reportOrder(b.account.id) || a.index - b.index)
    .map(({ account }) => account)

/** The requests a full run sends before any answer: each account's first ones. */
export const FIRST_REQUESTS: number = fullRun(0).reduce((sum, account) => sum + (account.firstRequests ?? 1), 0)

/** `id:Reported` for every account of a full run, as `ids` (test/support/outcomes.ts) lists outcomes. */
export const ALL_REPORTED: ReadonlyArray<string> = fullRun(0).map((account) => `${account.id}:Reported`)
