import { describe, expect, it } from "@effect/vitest"
import { ConfigProvider, Effect, Layer, TestClock } from "effect"
import { AuthFile, CredentialFiles, platform, Zai } from "../../../src/index.js"
import { fakeServer } from "../../support/FakeServer.js"
import { home } from "../../support/Home.js"
import { fixture, PATHS, SECRETS, ZAI_ENTRY, ZHIPU_ENTRY } from "./fixtures.js"

const HOUR = 3600_000
const NOW = Date.UTC(2026, 10, 22, 2, 56, 5)

/**
 * What another Effect program composes (README, "As a library"): one platform's layer over the credential store and
 * the platform, nothing of the registry or the program.
 */
const ZaiAlone = Zai.layer.pipe(
  Layer.provide(AuthFile.layer),
  Layer.provide(CredentialFiles.layer),
  Layer.provide(platform)
)

/** Z.ai's service alone, in a home holding `entries`, its base URL pointing at the fake server. */
const withZai = <A, E>(entries: object, program: Effect.Effect<A, E, Zai>) =>
  Effect.gen(function*() {
    const server = yield* fakeServer(fixture.routes(NOW))
    const h = yield* home
    h.authJson(entries)
    const env = new Map(Object.entries({ HOME: h.dir, ...fixture.baseUrlEnv(server.url) }))
    const value = yield* program.pipe(Effect.provide(ZaiAlone), Effect.withConfigProvider(ConfigProvider.fromMap(env)))
    return { server, value }
  })

describe("Z.ai as a service of another Effect program", () => {
  it.scoped("built from its own layer alone: its account, then that account's query, over real HTTP", () =>
    Effect.gen(function*() {
      yield* TestClock.setTime(NOW)
      const { server, value: report } = yield* withZai(
        { "zhipuai-coding-plan": ZHIPU_ENTRY, "zai-coding-plan": ZAI_ENTRY },
        Effect.gen(function*() {
          const zai = yield* Zai
          expect([zai.id, zai.name]).toEqual(["zai", "Z.ai"])
          const accounts = yield* zai.accounts
          expect(accounts.map((account) => [account.label, account.key])).toEqual([["5b1e****Z7QX", "5b1e****Z7QX"]])
          return yield* accounts[0]!.query
        })
      )
      expect(report).toEqual({
        account: "5b1e****Z7QX",
        plan: null,
        windows: [
          { scope: null, windowSeconds: 18000, usedPercent: 85, resetsAt: new Date(NOW + HOUR), used: null, limit: null, unit: null },
          {
            scope: { _tag: "Known", key: "mcp" },
            windowSeconds: 2_628_000,
            usedPercent: 40,
            resetsAt: null,
            used: 40,
            limit: 100,
            unit: "calls"
          }
        ],
        notes: []
      })
      // Zhipu's key is in the same file, but only the service asked for was built and asked.
      expect(server.requests.map((request) => [request.path, request.headers.authorization])).toEqual([[PATHS.zai, SECRETS.zaiKey]])
    }))

  it.scoped("without its entry: no accounts (not an error), and nothing is asked", () =>
    Effect.gen(function*() {
      const { server, value: accounts } = yield* withZai(
        { "zhipuai-coding-plan": ZHIPU_ENTRY },
        Effect.flatMap(Zai, (zai) => zai.accounts)
      )
      expect(accounts).toEqual([])
      expect(server.requests).toEqual([])
    }))
})
