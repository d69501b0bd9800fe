import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { mkdirSync } from "node:fs"
import { join } from "node:path"
import { exitCode, type RunOptions } from "../src/run.js"
import { delayed, fakeServer } from "./support/FakeServer.js"
import { authEntries, baseUrlEnv, happyRoutes, PATHS, seedHome, zaiRootLimits } from "./support/fixtures.js"
import { home, runWith } from "./support/Home.js"
import { errorOf, ids, reportOf } from "./support/outcomes.js"

const allConfigured = (
  routes = happyRoutes(Date.now()),
  options: Partial<RunOptions> = {},
  env: Readonly<Record<string, string>> = {}
) =>
  Effect.gen(function*() {
    const now = Date.now()
    const server = yield* fakeServer(routes)
    const h = yield* home
    seedHome(h, now)
    const result = yield* runWith({ HOME: h.dir, ...baseUrlEnv(server.url), ...env }, options)
    return { server, result }
  })

const ALL_REPORTED = ["openai:Reported", "zhipu:Reported", "zai:Reported", "copilot:Reported", "google:Reported", "google:Reported"]

describe("program", () => {
  it.scopedLive("reports every configured provider, in order, and ignores unknown auth.json keys", () =>
    Effect.gen(function*() {
      const { result } = yield* allConfigured()
      expect(ids(result)).toEqual(ALL_REPORTED)
      expect(exitCode(result)).toBe(0)
    }))

  it.scopedLive("a hanging provider times out alone and does not delay the others past the timeout", () =>
    Effect.gen(function*() {
      const routes = { ...happyRoutes(Date.now()), [`GET ${PATHS.zhipu}`]: { hang: true } }
      const started = Date.now()
      const { result } = yield* allConfigured(routes, { timeoutSeconds: 1 })
      const elapsed = Date.now() - started
      expect(errorOf(result, "zhipu")).toMatchObject({ _tag: "Timeout", provider: "zhipu", seconds: 1 })
      reportOf(result, "openai")
      reportOf(result, "zai")
      expect(exitCode(result)).toBe(1)
      // The run ends at the timeout, not when the hang ends (never): a bound, not a speed measurement.
      expect(elapsed).toBeLessThan(1000 + 3000)
    }))

  it.scopedLive("providers run concurrently: all their requests are in flight at once", () =>
    Effect.gen(function*() {
      const { result, server } = yield* allConfigured(delayed(happyRoutes(Date.now()), 300))
      expect(ids(result)).toEqual(ALL_REPORTED)
      // Four single-request providers and both Google accounts' token refreshes.
      expect(server.maxInFlight()).toBe(6)
    }))

  it.scopedLive("HTTP errors carry the status and Retry-After; malformed bodies are DecodeErrors naming the provider", () =>
    Effect.gen(function*() {
      const { result } = yield* allConfigured({
        [`GET ${PATHS.openai}`]: { status: 429, headers: { "retry-after": "120" }, body: { error: "slow down" } },
        [`GET ${PATHS.zhipu}`]: { body: "<html>not json</html>" },
        [`GET ${PATHS.zai}`]: { body: { success: true, data: { limits: [{ type: "TOKENS_LIMIT", percentage: "lots" }] } } }
      })
      expect(errorOf(result, "openai")).toMatchObject({ _tag: "HttpError", status: 429, retryAfterSeconds: 120 })
      expect(errorOf(result, "zhipu")).toMatchObject({ _tag: "DecodeError", provider: "zhipu" })
      const zai = errorOf(result, "zai")
      expect(zai).toMatchObject({ _tag: "DecodeError", provider: "zai" })
      expect(zai._tag === "DecodeError" && zai.problem).toContain("percentage")
    }))

  it.scopedLive("an unreachable endpoint is a NetworkError for that provider only", () =>
    Effect.gen(function*() {
      const { result } = yield* allConfigured(undefined, {}, { MYSTATUS_OPENAI_BASE_URL: "http://127.0.0.1:9" })
      const error = errorOf(result, "openai")
      expect(error._tag).toBe("NetworkError")
      // The reason, not fetch's bare "fetch failed".
      expect(error._tag === "NetworkError" && error.cause).toMatch(/bad port|ECONNREFUSED/)
      reportOf(result, "zhipu")
    }))

  it.scopedLive("a bad base URL variable is a ConfigInvalid for that provider only", () =>
    Effect.gen(function*() {
      const { result } = yield* allConfigured(undefined, {}, { MYSTATUS_ZAI_BASE_URL: "ftp://nope" })
      const error = errorOf(result, "zai")
      expect(error).toMatchObject({ _tag: "ConfigInvalid", problem: "MYSTATUS_ZAI_BASE_URL must be an http(s) URL" })
      reportOf(result, "zhipu")
    }))

  it.scopedLive("a provider asked for by name but not configured is said, with where it was looked for", () =>
    Effect.gen(function*() {
      const server = yield* fakeServer(happyRoutes(Date.now()))
      const h = yield* home
      h.authJson({ "zai-coding-plan": authEntries(Date.now())["zai-coding-plan"] })
      const env = { HOME: h.dir, ...baseUrlEnv(server.url) }
      const asked = yield* runWith(env, { only: ["copilot", "zai"] })
      expect(ids(asked)).toEqual(["zai:Reported"])
      expect(asked.notConfigured).toEqual([{
        id: "copilot",
        name: "GitHub Copilot",
        sources: [
          { name: "GitHub Copilot", path: join(h.dir, ".local/share/opencode/auth.json"), entry: "github-copilot", exists: true },
          { name: "GitHub Copilot", path: join(h.dir, ".config/opencode/copilot-quota-token.json"), entry: null, exists: false }
        ]
      }])
      expect(exitCode(asked)).toBe(0)
      // Only what was asked for by name: a run over everything leaves the unconfigured ones out.
      expect((yield* runWith(env)).notConfigured).toEqual([])
      const alone = yield* runWith(env, { only: ["copilot"] })
      expect(alone.outcomes).toEqual([])
      expect(exitCode(alone)).toBe(2)
    }))

  it.scopedLive("--provider narrows the run to the named providers", () =>
    Effect.gen(function*() {
      const { result, server } = yield* allConfigured(undefined, { only: ["zai"] })
      expect(ids(result)).toEqual(["zai:Reported"])
      expect(server.requests.map((r) => r.path)).toEqual([PATHS.zai])
    }))
})

describe("auth.json", () => {
  it.scopedLive("is read from $XDG_DATA_HOME/opencode when set", () =>
    Effect.gen(function*() {
      const server = yield* fakeServer(happyRoutes(Date.now()))
      const h = yield* home
      h.write("xdg/opencode/auth.json", { "zai-coding-plan": authEntries(Date.now())["zai-coding-plan"] })
      h.authJson(authEntries(Date.now()))
      const result = yield* runWith({ HOME: h.dir, XDG_DATA_HOME: join(h.dir, "xdg"), ...baseUrlEnv(server.url) })
      expect(ids(result)).toEqual(["zai:Reported"])
    }))

  it.scopedLive("missing means nothing configured: no outcomes, exit code 2, the paths looked at", () =>
    Effect.gen(function*() {
      const h = yield* home
      const result = yield* runWith({ HOME: h.dir })
      expect(result.outcomes).toEqual([])
      expect(exitCode(result)).toBe(2)
      const auth = join(h.dir, ".local/share/opencode/auth.json")
      expect(result.sources.map((s) => [s.path, s.entry, s.exists])).toEqual([
        [auth, "openai", false],
        [auth, "zhipuai-coding-plan", false],
        [auth, "zai-coding-plan", false],
        [auth, "github-copilot", false],
        [join(h.dir, ".config/opencode/copilot-quota-token.json"), null, false],
        [join(h.dir, ".config/opencode/antigravity-accounts.json"), null, false]
      ])
    }))

  it.scopedLive("not valid JSON is one error naming the path, without quoting the file", () =>
    Effect.gen(function*() {
      const h = yield* home
      const file = h.write(".local/share/opencode/auth.json", `{"zai-coding-plan": {"type":"api","key":"SECRET-in-broken-file"`)
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
      mkdirSync(join(h.dir, ".local/share/opencode/auth.json"), { recursive: true })
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
      const now = Date.now()
      const server = yield* fakeServer({ [`GET ${PATHS.zai}`]: { body: zaiRootLimits(now) } })
      const h = yield* home
      h.authJson({
        openai: { type: "oauth", access: "x", refresh: "y" },
        "zai-coding-plan": authEntries(now)["zai-coding-plan"]
      })
      const result = yield* runWith({ HOME: h.dir, ...baseUrlEnv(server.url) })
      expect(errorOf(result, "openai")).toMatchObject({ _tag: "CredentialsInvalid", problem: "expires: is missing" })
      reportOf(result, "zai")
    }))

  it.scopedLive("credential files are byte-identical and not rewritten after a run", () =>
    Effect.gen(function*() {
      const now = Date.now()
      const server = yield* fakeServer(happyRoutes(now))
      const h = yield* home
      seedHome(h, now)
      const before = h.snapshot()
      const result = yield* runWith({ HOME: h.dir, ...baseUrlEnv(server.url) })
      expect(ids(result)).toEqual(ALL_REPORTED)
      expect(h.snapshot()).toEqual(before)
    }))
})
