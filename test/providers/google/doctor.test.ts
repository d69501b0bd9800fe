import { describe, expect, it } from "@effect/vitest"
import { afterEach } from "vitest"
import { runCli } from "../../support/cli.js"
import { makeHome } from "../../support/Home.js"
import { ACCOUNTS_PATH, googleAccount, googleAccountsFile } from "./fixtures.js"

/** Google's own `mystatus doctor` checks (its `doctor` member): each account enabled or not, and its project (FAQ 7). */
const cleanup: Array<() => unknown> = []
afterEach(() => {
  for (const undo of cleanup.splice(0)) undo()
})

describe("Google Antigravity doctor", () => {
  it("lists each account: its project, a missing one as a warning, a disabled one as skipped", async () => {
    const home = makeHome()
    cleanup.push(home.remove)
    home.write(
      ACCOUNTS_PATH,
      googleAccountsFile([
        googleAccount("alice", { email: "alice@example.com", projectId: "proj-alice" }),
        googleAccount("third", { managedProjectId: "managed-third" }),
        googleAccount("dave", { email: "dave@example.com" }),
        googleAccount("bob", { email: "bob@example.com", enabled: false })
      ])
    )
    const [text, json, fr] = await Promise.all([
      runCli(["doctor", "--offline"], { HOME: home.dir }, "bin"),
      runCli(["doctor", "--offline", "--json"], { HOME: home.dir }, "bin"),
      runCli(["doctor", "--offline", "--lang", "fr"], { HOME: home.dir }, "bin")
    ])
    expect(text.code).toBe(0)
    const checks = (JSON.parse(json.stdout) as { checks: Array<{ provider: string; id: string; status: string }> }).checks
    expect(checks.filter((check) => check.provider === "google" && check.id === "account").map((check) => check.status))
      .toEqual(["info", "info", "warn", "info"])
    expect(text.stdout).toContain("· Google Antigravity: alice@example.com: enabled, project proj-alice")
    expect(text.stdout).toContain("· Google Antigravity: #2: enabled, project managed-third")
    expect(text.stdout).toContain("⚠ Google Antigravity: dave@example.com: enabled, no projectId or managedProjectId")
    expect(text.stdout).toContain("· Google Antigravity: bob@example.com: disabled (skipped)")
    expect(fr.stdout).toContain("bob@example.com\u00a0: désactivé (ignoré)")
    expect(text.stdout + json.stdout).not.toContain("SECRET")
  })
})
