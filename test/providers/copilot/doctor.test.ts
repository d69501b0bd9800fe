import { describe, expect, it } from "@effect/vitest"
import { afterEach } from "vitest"
import { runCli } from "../../support/cli.js"
import { AUTH_JSON, makeHome } from "../../support/Home.js"
import { copilotEntry, copilotPatFile, PAT_PATH, SECRETS } from "./fixtures.js"

/** Copilot's own `mystatus doctor` checks (its `doctor` member): which way in will be used (FAQ 6). */
const cleanup: Array<() => unknown> = []
afterEach(() => {
  for (const undo of cleanup.splice(0)) undo()
})

const offline = async (write: (home: ReturnType<typeof makeHome>) => void, lang = "en") => {
  const home = makeHome()
  cleanup.push(home.remove)
  write(home)
  const [text, json] = await Promise.all([
    runCli(["doctor", "--offline", "--lang", lang], { HOME: home.dir }, "bin"),
    runCli(["doctor", "--offline", "--json"], { HOME: home.dir }, "bin")
  ])
  for (const secret of Object.values(SECRETS)) expect(text.stdout + json.stdout).not.toContain(secret)
  const checks = (JSON.parse(json.stdout) as { checks: Array<{ provider: string; id: string; status: string; message: string }> }).checks
  return { text: text.stdout, path: checks.find((check) => check.provider === "copilot" && check.id === "path") }
}

describe("Copilot doctor", () => {
  it("the PAT file wins, and its user and tier are shown", async () => {
    const { path, text } = await offline((home) => {
      home.write(AUTH_JSON, { "github-copilot": copilotEntry() })
      home.write(PAT_PATH, copilotPatFile("business"))
    })
    expect(path).toMatchObject({ status: "ok" })
    expect(path!.message).toContain("tier business")
    expect(text).toMatch(/✓ GitHub Copilot: Uses the PAT file .*copilot-quota-token\.json \(user octo-dev, tier business\)/)
  })

  it("without a PAT file, OpenCode's login, with the way out if it cannot read the quota", async () => {
    const { path, text } = await offline((home) => home.write(AUTH_JSON, { "github-copilot": copilotEntry() }), "zh-TW")
    expect(path).toMatchObject({ status: "info" })
    expect(path!.message).toContain("github.com")
    expect(text).toContain("使用 OpenCode 的 GitHub 登入（github.com）")
  })
})
