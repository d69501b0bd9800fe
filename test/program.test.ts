import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { mkdirSync } from "node:fs"
import { join } from "node:path"
import { exitCode, type RunOptions } from "../src/run.js"
import type { RunResult } from "../src/schema/report.js"
import { PAT_PATH } from "./providers/copilot/fixtures.js"
import { PATHS as GLM_PATHS, ZAI_ENTRY, zaiRootLimits } from "./providers/glm/fixtures.js"
import { PATH as OPENAI_PATH } from "./providers/openai/fixtures.js"
import { delayed, type Routes } from "./support/FakeServer.js"
import { ALL_REPORTED, authEntries, FIRST_REQUESTS, happyRoutes, SOURCES } from "./support/fixtures.js"
import { harness, provideHarness } from "./support/harness.js"
import { AUTH_JSON, home, runWith } from "./support/Home.js"
import { errorOf, ids, messageOf, reportOf } from "./support/outcomes.js"

/** Every provider configured; `routes` answering (every provider normally when not given). */
const allConfigured = (
  routes?: Routes,
  options: Partial<RunOptions> = {},
  env: Readonly<Record<string, string>> = {}
) => harness({ everyProvider: true, ...(routes === undefined ? {} : { routes }), ...options, env })

/** Every account of every provider but `id`'s reported, in order. */
const expectOthersReported = (result: RunResult, id: string) =>
  expect(ids(result).filter((outcome) => !outcome.startsWith(`${id}:`)))
    .toEqual(ALL_REPORTED.filter((outcome) => !outcome.startsWith(`${id}:`)))

describe("program", () => {
  it.scopedLive("reports every configured provider, in order, and ignores unknown auth.json keys", () =>
    Effect.gen(function*() {
      const { result } = yield* allConfigured()
      expect(ids(result)).toEqual(ALL_REPORTED)
      expect(exitCode(result)).toBe(0)
    }))

  it.scopedLive("a hanging provider times out alone and does not delay the others past the timeout", () =>
    Effect.gen(function*() {
      const routes = { ...happyRoutes(Date.now()), [`GET ${GLM_PATHS.zhipu}`]: { hang: true } }
      const started = Date.now()
      const { result } = yield* allConfigured(routes, { timeoutSeconds: 1 })
      const elapsed = Date.now() - started
      expect(errorOf(result, "zhipu")).toMatchObject({ _tag: "Timeout", provider: "zhipu", seconds: 1 })
      reportOf(result, "openai")
      reportOf(result, "zai")
      expectOthersReported(result, "zhipu")
      expect(exitCode(result)).toBe(1)
      // The run ends at the timeout, not when the hang ends (never): a bound, not a speed measurement.
      expect(elapsed).toBeLessThan(1000 + 3000)
    }))

  it.scopedLive("providers run concurrently: all their requests are in flight at once", () =>
    Effect.gen(function*() {
      const { result, server } = yield* allConfigured(delayed(happyRoutes(Date.now()), 300))
      expect(ids(result)).toEqual(ALL_REPORTED)
      // Every account's first requests (Google's are its token refreshes), all at the same moment.
      expect(server.maxInFlight()).toBe(FIRST_REQUESTS)
    }))

  it.scopedLive("HTTP errors carry the status and Retry-After; malformed bodies are DecodeErrors naming the provider", () =>
    Effect.gen(function*() {
      const { result } = yield* allConfigured({
        [`GET ${OPENAI_PATH}`]: { status: 429, headers: { "retry-after": "120" }, body: { error: "slow down" } },
        [`GET ${GLM_PATHS.zhipu}`]: { body: "<html>not json</html>" },
        [`GET ${GLM_PATHS.zai}`]: { body: { success: true, data: { limits: [{ type: "TOKENS_LIMIT", percentage: "lots" }] } } }
      })
      expect(errorOf(result, "openai")).toMatchObject({ _tag: "HttpError", status: 429, retryAfterSeconds: 120 })
      expect(errorOf(result, "zhipu")).toMatchObject({ _tag: "DecodeError", provider: "zhipu" })
      const zai = errorOf(result, "zai")
      expect(zai).toMatchObject({ _tag: "DecodeError", provider: "zai" })
      expect(zai).toMatchObject({
        reason: "shape",
        issues: { list: [{ path: "data.limits[0].percentage", expected: { _tag: "Type", types: ["number"] } }], more: 0 }
      })
      expect(messageOf(zai)).toContain("data.limits[0].percentage: expected a number")
    }))

  it.scopedLive("an unreachable endpoint is a NetworkError for that provider only", () =>
    Effect.gen(function*() {
      const { result } = yield* allConfigured(undefined, {}, { MYSTATUS_OPENAI_BASE_URL: "http://127.0.0.1:9" })
      const error = errorOf(result, "openai")
      expect(error._tag).toBe("NetworkError")
      // The reason, not fetch's bare "fetch failed".
      expect(error._tag === "NetworkError" && error.cause).toMatch(/bad port|ECONNREFUSED/)
      reportOf(result, "zhipu")
      expectOthersReported(result, "openai")
    }))

  it.scopedLive("a bad base URL variable is a ConfigInvalid for that provider only", () =>
    Effect.gen(function*() {
      const { result } = yield* allConfigured(undefined, {}, { MYSTATUS_ZAI_BASE_URL: "ftp://nope" })
      const error = errorOf(result, "zai")
      expect(error).toMatchObject({ _tag: "ConfigInvalid", variable: "MYSTATUS_ZAI_BASE_URL" })
      expect(messageOf(error)).toBe("Invalid configuration: MYSTATUS_ZAI_BASE_URL must be an http(s) URL")
      reportOf(result, "zhipu")
      expectOthersReported(result, "zai")
    }))

  it.scopedLive("a provider asked for by name but not configured is said, with where it was looked for", () =>
    Effect.gen(function*() {
      const { home: h, run } = yield* provideHarness({ auth: { "zai-coding-plan": ZAI_ENTRY } })
      const asked = yield* run({ only: ["copilot", "zai"] })
      expect(ids(asked)).toEqual(["zai:Reported"])
      expect(asked.notConfigured).toEqual([{
        id: "copilot",
        name: "GitHub Copilot",
        sources: [
          { name: "GitHub Copilot", path: join(h.dir, AUTH_JSON), entry: "github-copilot", exists: true },
          { name: "GitHub Copilot", path: join(h.dir, PAT_PATH), entry: null, exists: false }
        ]
      }])
      expect(exitCode(asked)).toBe(0)
      // Only what was asked for by name: a run over everything leaves the unconfigured ones out.
      expect((yield* run()).notConfigured).toEqual([])
      const alone = yield* run({ only: ["copilot"] })
      expect(alone.outcomes).toEqual([])
      expect(exitCode(alone)).toBe(2)
    }))

  it.scopedLive("--provider narrows the run to the named providers", () =>
    Effect.gen(function*() {
      const { result, server } = yield* allConfigured(undefined, { only: ["zai"] })
      expect(ids(result)).toEqual(["zai:Reported"])
      expect(server.requests.map((r) => r.path)).toEqual([GLM_PATHS.zai])
    }))
})

describe("auth.json", () => {
  it.scopedLive("is read from $XDG_DATA_HOME/opencode when set", () =>
    Effect.gen(function*() {
      const { home: h, run } = yield* provideHarness({
        auth: authEntries(Date.now()),
        files: { "xdg/opencode/auth.json": { "zai-coding-plan": ZAI_ENTRY } }
      })
      const result = yield* run({ env: { XDG_DATA_HOME: join(h.dir, "xdg") } })
      expect(ids(result)).toEqual(["zai:Reported"])
    }))

  it.scopedLive("missing means nothing configured: no outcomes, exit code 2, the paths looked at", () =>
    Effect.gen(function*() {
      const h = yield* home
      const result = yield* runWith({ HOME: h.dir })
      expect(result.outcomes).toEqual([])
      expect(exitCode(result)).toBe(2)
      // Every provider's places, in the registry's order: its auth.json entry, then its own files.
      expect(result.sources.map((s) => [s.path, s.entry, s.exists])).toEqual(
        SOURCES.map((source) => [join(h.dir, source.path), source.entry, false])
      )
    }))

  it.scopedLive("not valid JSON is one error naming the path, without quoting the file", () =>
    Effect.gen(function*() {
      const h = yield* home
      const file = h.write(AUTH_JSON, `{"zai-coding-plan": {"type":"api","key":"SECRET-in-broken-file"`)
      const result = yield* runWith({ HOME: h.dir })
      expect(result.outcomes).toHaveLength(1)
      const error = errorOf(result, "opencode")
      expect(error).toMatchObject({ _tag: "AuthFileUnreadable", path: file, problem: "notJson", line: 1, column: 64 })
      expect(JSON.stringify(result.outcomes)).not.toContain("SECRET-in-broken-file")
      expect(exitCode(result)).toBe(1)
    }))

  it.scopedLive("unreadable (a directory in its place) is an error naming the path and cause", () =>
    Effect.gen(function*() {
      const h = yield* home
      mkdirSync(join(h.dir, AUTH_JSON), { recursive: true })
      const result = yield* runWith({ HOME: h.dir })
      const error = errorOf(result, "opencode")
      expect(error._tag).toBe("AuthFileUnreadable")
      expect(error).toMatchObject({ _tag: "AuthFileUnreadable", problem: "isDirectory" })
    }))

  it.scopedLive("a top level that is not an object is an error, not a crash", () =>
    Effect.gen(function*() {
      const h = yield* home
      h.authJson([1, 2, 3])
      const result = yield* runWith({ HOME: h.dir })
      expect(errorOf(result, "opencode")).toMatchObject({ problem: "notObject" })
    }))

  it.scopedLive("a malformed entry fails its provider only; the rest of the report still runs", () =>
    Effect.gen(function*() {
      const { result } = yield* harness({
        routes: (now) => ({ [`GET ${GLM_PATHS.zai}`]: { body: zaiRootLimits(now) } }),
        auth: { openai: { type: "oauth", access: "x", refresh: "y" }, "zai-coding-plan": ZAI_ENTRY }
      })
      const error = errorOf(result, "openai")
      expect(error).toMatchObject({
        _tag: "CredentialsInvalid",
        entry: "openai",
        issues: { list: [{ path: "expires", expected: { _tag: "Missing" } }], more: 0 }
      })
      expect(messageOf(error)).toContain("the \"openai\" entry of")
      expect(messageOf(error)).toContain(": expires: is missing")
      reportOf(result, "zai")
    }))

  it.scopedLive("credential files are byte-identical and not rewritten after a run", () =>
    Effect.gen(function*() {
      const { home: h, run } = yield* provideHarness({ everyProvider: true })
      const before = h.snapshot()
      const result = yield* run()
      expect(ids(result)).toEqual(ALL_REPORTED)
      expect(h.snapshot()).toEqual(before)
    }))
})
