import { describe, expect, it } from "@effect/vitest"
import { Effect } from "effect"
import { join } from "node:path"
import { win32 } from "node:path"
import { accountsFiles } from "../../../src/providers/google/index.js"
import { describeError } from "../../../src/render/describe.js"
import { toJson } from "../../../src/render/json.js"
import { renderText } from "../../../src/render/text.js"
import type { Routes } from "../../support/FakeServer.js"
import { harness } from "../../support/harness.js"
import { errorOf, ids, messageOf } from "../../support/outcomes.js"
import { ACCOUNTS_PATH, googleAccount, googleAccountsFile, googleRoutes, googleToken, PATHS } from "./fixtures.js"

/** Google alone, its accounts file holding `accountsFile` (none when `null`); the file is never written. */
const setup = (accountsFile: object | string | null, routes: Routes | ((now: number) => Routes) = googleRoutes, timeoutSeconds = 5) =>
  harness({
    routes,
    files: accountsFile === null ? {} : { [ACCOUNTS_PATH]: accountsFile },
    only: ["google"],
    timeoutSeconds
  })

const SIX = googleAccountsFile([
  googleAccount("alice", { email: "alice@example.com", projectId: "proj-alice" }),
  googleAccount("bob", { email: "bob@example.com", projectId: "proj-bob", enabled: false }),
  googleAccount("third", { managedProjectId: "managed-third" }),
  googleAccount("carol", { email: "carol@example.com" }),
  googleAccount("unassigned", { email: "dave@example.com" }),
  googleAccount("revoked", { email: "erin@example.com", projectId: "proj-erin" })
])

describe("Google Antigravity", () => {
  it.scopedLive("reports each enabled account on its own, whatever the others do", () =>
    Effect.gen(function*() {
      const { result } = yield* setup(SIX)
      expect(result.outcomes.map((o) => [o._tag, o._tag === "Reported" ? o.report.account : o.account])).toEqual([
        ["Reported", "alice@example.com"],
        ["Reported", "#3"],
        ["Reported", "carol@example.com"],
        ["Failed", "dave@example.com"],
        ["Failed", "erin@example.com"]
      ])
      const [, , , dave, erin] = result.outcomes
      expect(dave).toMatchObject({ _tag: "Failed", error: { _tag: "ProviderProblem", problem: "MissingProjectId" } })
      expect(erin).toMatchObject({ _tag: "Failed", error: { _tag: "HttpError", status: 400, hint: "signInAgain" } })
    }))

  it.scopedLive("refreshes with a form post, then asks for models with the project as Bearer", () =>
    Effect.gen(function*() {
      const { server } = yield* setup(googleAccountsFile([googleAccount("alice", { email: "a@x.io", projectId: "proj-alice" })]))
      expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`POST ${PATHS.token}`, `POST ${PATHS.fetchModels}`])
      const [token, models] = server.requests
      expect(token!.headers["content-type"]).toBe("application/x-www-form-urlencoded")
      const form = new URLSearchParams(token!.body)
      expect(form.get("grant_type")).toBe("refresh_token")
      expect(form.get("refresh_token")).toBe(googleToken("alice").refresh)
      expect(form.get("client_id")).toMatch(/\.apps\.googleusercontent\.com$/)
      expect(models!.headers.authorization).toBe(`Bearer ${googleToken("alice").access}`)
      expect(JSON.parse(models!.body)).toEqual({ project: "proj-alice" })
    }))

  it.scopedLive("prefers projectId, then managedProjectId, then asks loadCodeAssist", () =>
    Effect.gen(function*() {
      const { result, server } = yield* setup(googleAccountsFile([
        googleAccount("both", { projectId: "proj-both", managedProjectId: "managed-both" }),
        googleAccount("managed", { managedProjectId: "managed-only" }),
        googleAccount("carol", {})
      ]))
      const projects = server.requests.filter((r) => r.path === PATHS.fetchModels).map((r) => JSON.parse(r.body).project)
      expect(projects.sort()).toEqual(["discovered-carol", "managed-only", "proj-both"])
      const load = server.requests.filter((r) => r.path === PATHS.loadCodeAssist)
      expect(load).toHaveLength(1)
      expect(JSON.parse(load[0]!.body)).toEqual({
        metadata: { ideType: "ANTIGRAVITY", platform: "PLATFORM_UNSPECIFIED", pluginType: "GEMINI" }
      })
      const carol = result.outcomes[2]!
      expect(carol._tag === "Reported" && carol.report.plan).toBe("Google AI Pro")
    }))

  it.scopedLive("groups models into families by name, lowest remaining wins, exhausted is 0 %", () =>
    Effect.gen(function*() {
      const now = Date.now()
      const { result } = yield* setup(googleAccountsFile([googleAccount("alice", { email: "a@x.io", projectId: "p" })]), googleRoutes(now))
      const json = toJson(result, "en").providers[0]!
      expect(json.windows.map((w) => [w.label, w.usedPercent])).toEqual([
        ["Gemini Pro", 40], // the recycled "gemini-pro-agent" key counts by its name
        ["Gemini Flash", 0],
        ["Gemini Image", 5],
        ["Claude", 100], // isExhausted and no remainingFraction
        ["GPT-OSS", 85],
        ["Other models", 10] // chat_* and tab_* are dropped, not "other"
      ])
      // The reset shown is that of the lowest model of the family.
      expect(json.windows[0]!.resetsAt).toBe(new Date(now + 2 * 3600_000).toISOString())
      expect(json.windows[3]!.resetsAt).toBe(new Date(now + 50 * 3600_000).toISOString())
      expect(json.warnings).toEqual(["Claude: 100% used", "GPT-OSS: 85% used"])
    }))

  it.scopedLive("an account without a project that loadCodeAssist cannot place gets the FAQ's fix", () =>
    Effect.gen(function*() {
      const { home, result } = yield* setup(googleAccountsFile([googleAccount("unassigned", { email: "dave@example.com" })]))
      const outcome = result.outcomes[0]!
      expect(outcome._tag).toBe("Failed")
      if (outcome._tag !== "Failed") return
      const { fix } = describeError("en", outcome.error, "Google Antigravity", Date.now())
      expect(fix).toContain("console.cloud.google.com")
      expect(fix).toContain(`"projectId": "<your-project-id>" to this account in ${join(home.dir, ACCOUNTS_PATH)}`)
    }))

  it.scopedLive("a refused refresh says to sign in again and never shows the token", () =>
    Effect.gen(function*() {
      const { result } = yield* setup(googleAccountsFile([googleAccount("revoked", { email: "erin@example.com", projectId: "p" })]))
      const text = renderText(result, { lang: "en", color: false })
      expect(text).toContain("erin@example.com: Google Antigravity API request failed (HTTP 400 Bad Request)")
      expect(text).toContain("sign in to it again with `opencode auth login`")
      expect(text).not.toContain(googleToken("revoked").refresh)
    }))

  it.scopedLive("a hanging token endpoint times out that account, not the run", () =>
    Effect.gen(function*() {
      const routes = googleRoutes(Date.now())
      const token = routes[`POST ${PATHS.token}`] as (request: { readonly body: string }) => object
      const { result } = yield* setup(
        googleAccountsFile([googleAccount("alice", { projectId: "p" }), googleAccount("slow", { projectId: "p" })]),
        {
          ...routes,
          [`POST ${PATHS.token}`]: (request) =>
            request.body.includes("slow") ? { hang: true } : token(request)
        },
        1
      )
      expect(ids(result)).toEqual(["google:Reported", "google:Failed"])
      expect(result.outcomes[1]).toMatchObject({ account: "#2", error: { _tag: "Timeout" } })
    }))

  it.scopedLive("a missing accounts file means not configured", () =>
    Effect.gen(function*() {
      const { result, server } = yield* setup(null)
      expect(result.outcomes).toEqual([])
      expect(server.requests).toEqual([])
    }))

  it.scopedLive("an accounts file that is not JSON is an unreadable file with the line and column", () =>
    Effect.gen(function*() {
      const { home, result } = yield* setup("{\n  accounts: [")
      expect(result.outcomes).toHaveLength(1)
      expect(result.outcomes[0]).toMatchObject({
        _tag: "Failed",
        id: "google",
        error: { _tag: "AuthFileUnreadable", path: join(home.dir, ACCOUNTS_PATH), problem: "notJson", line: 2, column: 3 }
      })
    }))

  for (const [what, content, problem] of [
    ["no accounts list", { version: 4 }, "accounts: is missing"],
    ["an account without refreshToken", googleAccountsFile([{ email: "x@y.z" }]), "accounts[0].refreshToken: is missing"]
  ] as const) {
    it.scopedLive(`an invalid file (${what}) is one clear error`, () =>
      Effect.gen(function*() {
        const { home, result } = yield* setup(content)
        expect(result.outcomes).toHaveLength(1)
        expect(result.outcomes[0]).toMatchObject({
          _tag: "Failed",
          id: "google",
          error: { _tag: "CredentialsInvalid", source: join(home.dir, ACCOUNTS_PATH) }
        })
        expect(messageOf(errorOf(result, "google"))).toContain(`: ${problem}`)
      }))
  }

  it.scopedLive("decodes the older versions' files too (no version field, no email)", () =>
    Effect.gen(function*() {
      const { result } = yield* setup({ accounts: [{ refreshToken: googleToken("v1").refresh, projectId: "p" }] })
      expect(ids(result)).toEqual(["google:Reported"])
    }))

  it("on Windows, %APPDATA%\\opencode is the fallback; elsewhere only the config dir", () => {
    const config = "C:\\Users\\u\\.config\\opencode"
    expect(accountsFiles("win32", config, "C:\\Users\\u\\AppData\\Roaming", win32.join)).toEqual([
      "C:\\Users\\u\\.config\\opencode\\antigravity-accounts.json",
      "C:\\Users\\u\\AppData\\Roaming\\opencode\\antigravity-accounts.json"
    ])
    expect(accountsFiles("linux", "/home/u/.config/opencode", "/ignored", join)).toEqual([
      "/home/u/.config/opencode/antigravity-accounts.json"
    ])
  })
})
