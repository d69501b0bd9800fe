import { describe, expect, it } from "@effect/vitest"
import { Schema } from "effect"
import { execFile } from "node:child_process"
import { fileURLToPath } from "node:url"
import { afterEach } from "vitest"
import { JsonReport } from "../src/schema/json.js"
import { googleAccount, googleAccountsFile } from "./providers/google/fixtures.js"
import { fullRun } from "./support/fixtures.js"
import { makeHome } from "./support/Home.js"

const ROOT = fileURLToPath(new URL("..", import.meta.url))

const cleanup: Array<() => unknown> = []
afterEach(() => {
  for (const undo of cleanup.splice(0)) undo()
})

const demo = (env: Readonly<Record<string, string>>) =>
  new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(process.execPath, ["--import", "tsx", "scripts/demo.ts", "--json"], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? "", ...env },
      timeout: 30_000
    }, (error, stdout, stderr) => resolve({ code: error === null ? 0 : Number(error.code ?? 1), stdout, stderr }))
  })

describe("npm run demo", () => {
  it("uses only its own fixtures, whatever the caller's environment locates", async () => {
    // The user's own credentials, where every variable that locates them points.
    const user = makeHome()
    cleanup.push(user.remove)
    user.write("config/opencode/copilot-quota-token.json", {
      token: "github_pat_REALSECRET_0123456789",
      username: "real-user",
      tier: "pro"
    })
    user.write("config/opencode/antigravity-accounts.json", googleAccountsFile([
      googleAccount("real", { email: "real-user@example.com", refreshToken: "1//REALSECRET-refresh" })
    ]))
    user.write("data/opencode/auth.json", { "zai-coding-plan": { type: "api", key: "REALSECRETzaiKEY00000.REAL" } })
    const configDir = `${user.dir}/config`

    const { code, stdout, stderr } = await demo({
      HOME: user.dir,
      XDG_CONFIG_HOME: configDir,
      OPENCODE_CONFIG_DIR: `${configDir}/opencode`,
      XDG_DATA_HOME: `${user.dir}/data`,
      CLAUDE_CONFIG_DIR: configDir,
      APPDATA: configDir,
      // A proxy that would refuse everything: the demo must not go through it.
      HTTPS_PROXY: "http://127.0.0.1:9",
      HTTP_PROXY: "http://127.0.0.1:9"
    })

    expect(stderr).toBe("")
    const report = Schema.decodeUnknownSync(JsonReport)(JSON.parse(stdout))
    // Every provider's fixture accounts (Copilot through OpenCode's login, no account label: not the PAT's
    // "real-user"), and none of the user's.
    expect(report.providers.map((p) => [p.id, p.status, p.account])).toEqual(fullRun(0).map((a) => [a.id, "ok", a.account]))
    expect(code).toBe(0)
    for (const leak of ["real-user", "REALSECRET", ".REAL"]) expect(stdout + stderr).not.toContain(leak)
  })
})
