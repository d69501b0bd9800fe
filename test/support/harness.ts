import { expect } from "@effect/vitest"
import { FetchHttpClient, type HttpClient } from "@effect/platform"
import { Clock, Effect, type Layer, type Scope } from "effect"
import type { RunOptions } from "../../src/run.js"
import type { RunResult } from "../../src/schema/report.js"
import { type FakeServer, fakeServer, type Routes } from "./FakeServer.js"
import { baseUrlEnv, happyRoutes, seedHome } from "./fixtures.js"
import { type Home, home as tempHome, runWith } from "./Home.js"
import type { CredentialFileMap } from "./ProviderFixture.js"

/**
 * The one provider harness: a loopback fake server, a throw-away HOME with the credentials given, and the program run
 * in-process against them, every base URL pointing at the server. Scoped: the server and the home are gone with the
 * test's scope. `now` is the clock's (a TestClock's under `it.scoped`), so fixtures built from it match the run.
 */
export interface Setup {
  /** The server's routes; every provider answering normally when not given. */
  readonly routes?: Routes | ((now: number) => Routes)
  /** Every provider's credentials first (`seedHome`), then `auth` and `files` over them. */
  readonly everyProvider?: boolean
  /** auth.json's whole content. */
  readonly auth?: object | ((now: number) => object)
  /** Other files, relative to HOME. */
  readonly files?: CredentialFileMap
}

export interface RunSettings {
  /** Variables besides HOME and the base URLs (which they may override). */
  readonly env?: Readonly<Record<string, string>>
  readonly only?: ReadonlyArray<string>
  readonly timeoutSeconds?: number
  /** Another HTTP client layer (still real HTTP), e.g. one whose DNS answers 127.0.0.1 for every name. */
  readonly http?: Layer.Layer<HttpClient.HttpClient>
}

export interface Harness {
  readonly now: number
  readonly server: FakeServer
  readonly home: Home
  /** HOME and the base URLs. */
  readonly env: Readonly<Record<string, string>>
  /** One run; the credential files are asserted byte-identical and not rewritten after it. */
  readonly run: (settings?: RunSettings) => Effect.Effect<RunResult>
}

export const provideHarness = (setup: Setup = {}): Effect.Effect<Harness, never, Scope.Scope> =>
  Effect.gen(function*() {
    const now = yield* Clock.currentTimeMillis
    const routes = typeof setup.routes === "function" ? setup.routes(now) : setup.routes ?? happyRoutes(now)
    const server = yield* fakeServer(routes)
    const home = yield* tempHome
    if (setup.everyProvider === true) seedHome(home, now)
    if (setup.auth !== undefined) home.authJson(typeof setup.auth === "function" ? setup.auth(now) : setup.auth)
    for (const [path, content] of Object.entries(setup.files ?? {})) home.write(path, content)
    const env = { HOME: home.dir, ...baseUrlEnv(server.url) }
    const run = (settings: RunSettings = {}) =>
      Effect.gen(function*() {
        const before = home.snapshot()
        const options: Partial<RunOptions> = {
          ...(settings.only === undefined ? {} : { only: settings.only }),
          ...(settings.timeoutSeconds === undefined ? {} : { timeoutSeconds: settings.timeoutSeconds })
        }
        const result = yield* runWith({ ...env, ...settings.env }, options, settings.http ?? FetchHttpClient.layer)
        expect(home.snapshot(), "the credential files are never written").toEqual(before)
        return result
      })
    return { now, server, home, env, run }
  })

/** Set up, then one run: `{ now, server, home, env, run, result }`. */
export const harness = (setup: Setup & RunSettings = {}) =>
  Effect.flatMap(provideHarness(setup), (h) => Effect.map(h.run(setup), (result) => ({ ...h, result })))
