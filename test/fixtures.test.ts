import { describe, expect, it } from "@effect/vitest"
import { readdirSync } from "node:fs"
import { fileURLToPath } from "node:url"
import { routesFor } from "./support/endpoints.js"
import { ENDPOINTS, FIXTURE_SECRETS, FIXTURES, PROVIDERS_DIR, REGISTERED_IDS } from "./support/fixtures.js"

/**
 * The shape of a provider: its folder in src/providers/, its test folder in test/providers/ (with its fixtures) and
 * its line in the registry. Everything shared derives from them; these are the checks that keep the derivation honest.
 */
const folders = (dir: string) =>
  readdirSync(dir, { withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort()

const SRC_PROVIDERS = fileURLToPath(new URL("../src/providers/", import.meta.url))

/** The keys several fixtures give, each with the folders that give it. */
const collisions = (keysOf: (fixture: (typeof FIXTURES)[number]) => ReadonlyArray<string>) => {
  const owners = new Map<string, Array<string>>()
  for (const fixture of FIXTURES) for (const key of keysOf(fixture)) owners.set(key, [...(owners.get(key) ?? []), fixture.folder])
  return [...owners].filter(([, by]) => by.length > 1)
}

describe("provider fixtures", () => {
  it("every provider folder of src/providers/ has its test folder in test/providers/, and no other folder is there", () => {
    expect(folders(PROVIDERS_DIR)).toEqual(folders(SRC_PROVIDERS))
    expect(FIXTURES.map((fixture) => fixture.folder).sort()).toEqual(folders(SRC_PROVIDERS))
  })

  it("together they cover the registry, each id once, in the registry's order", () => {
    expect(FIXTURES.flatMap((fixture) => fixture.ids)).toEqual(REGISTERED_IDS)
  })

  it("no two claim the same route, variable, auth.json entry or credential file (a merge would hide one)", () => {
    const now = Date.now()
    expect(collisions((fixture) => Object.keys(fixture.routes(now)))).toEqual([])
    expect(collisions((fixture) => Object.keys(fixture.baseUrlEnv("http://127.0.0.1")))).toEqual([])
    expect(collisions((fixture) => Object.keys(fixture.authEntries(now)))).toEqual([])
    expect(collisions((fixture) => Object.keys(fixture.files(now)))).toEqual([])
  })

  it("every secret says SECRET, so that one search of any output finds them all", () => {
    expect(FIXTURE_SECRETS.length).toBeGreaterThan(FIXTURES.length)
    expect(FIXTURE_SECRETS.filter((secret) => !secret.includes("SECRET"))).toEqual([])
  })

  it("each endpoint of the fault matrix is its own provider's, and answered in the run that reaches it", () => {
    for (const fixture of FIXTURES) {
      for (const endpoint of fixture.endpoints) {
        expect(fixture.ids, endpoint.route).toContain(endpoint.provider)
        expect(routesFor(endpoint, Date.now())[endpoint.route], endpoint.route).toBeDefined()
      }
    }
    expect(new Set(ENDPOINTS.map((endpoint) => endpoint.provider))).toEqual(new Set(REGISTERED_IDS))
  })

  it("what a full run reports of each is among its own ids", () => {
    for (const fixture of FIXTURES) {
      const accounts = fixture.fullRun(0)
      expect(accounts.length, fixture.folder).toBeGreaterThan(0)
      for (const account of accounts) expect(fixture.ids, fixture.folder).toContain(account.id)
    }
    // Every provider configured: every provider reports.
    expect(new Set(FIXTURES.flatMap((fixture) => fixture.fullRun(0).map((account) => account.id)))).toEqual(new Set(REGISTERED_IDS))
  })
})
