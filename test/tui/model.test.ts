import { afterAll, beforeAll, describe, expect, it } from "@effect/vitest"
import { makeSidebarModel } from "../../src/tui/model.js"
import { KIMI_ENTRY, kimiUsages, PATH as KIMI_PATH } from "../providers/kimi/fixtures.js"
import { PATHS as GLM_PATHS, ZAI_ENTRY } from "../providers/glm/fixtures.js"
import { type FakeServer, startFakeServer } from "../support/FakeServer.js"
import { baseUrlEnv, happyRoutes } from "../support/fixtures.js"
import { AUTH_JSON, makeHome } from "../support/Home.js"

/**
 * The sidebar's program (what src/tui/index.ts loads in OpenCode) against the loopback fake server: the cache it
 * shares with `--format line`, and a platform's 429 Retry-After.
 */

let server: FakeServer
let kimiAnswers = 0
const home = makeHome()
const saved = { ...process.env }
const now = Date.now()

beforeAll(async () => {
  server = await startFakeServer({
    ...happyRoutes(now),
    // Kimi: a good answer, then 429 "retry after 120 s", then good again.
    [`GET ${KIMI_PATH}`]: () => {
      kimiAnswers += 1
      return kimiAnswers === 2
        ? { status: 429, headers: { "retry-after": "120" }, body: { error: { message: "slow down" } } }
        : { body: kimiUsages(now) }
    }
  })
  home.write(AUTH_JSON, { "kimi-for-coding": KIMI_ENTRY, "zai-coding-plan": ZAI_ENTRY })
  Object.assign(process.env, { HOME: home.dir, LANG: "en_US.UTF-8", ...baseUrlEnv(server.url) })
  for (const name of ["XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME", "OPENCODE_CONFIG_DIR"]) delete process.env[name]
})

afterAll(async () => {
  await server.close()
  home.remove()
  process.env = saved
})

const asked = (path: string) => server.requests.filter((request) => request.path === path).length

describe("the sidebar's program", () => {
  it("reuses an answer younger than its floor; a 429 keeps the last good answer and is not asked before Retry-After", async () => {
    const model = makeSidebarModel()
    const options = { providers: [], lang: "en", warnAt: 80, maxAgeSeconds: 0, shownFor: () => undefined }
    try {
      const first = await model.refresh(options)
      expect(first.configured).toBe(true)
      const kimiLine = first.lines.find((line) => line.text.startsWith("Kimi for Co…"))!
      expect(kimiLine.text).toMatch(/█/)
      expect(first.lines.map((line) => line.text.split(" ")[0])).toEqual(["Z.ai", "Kimi"])

      // Refused with Retry-After: the line stays the last good one, not a failure.
      const second = await model.refresh(options)
      expect(asked(KIMI_PATH)).toBe(2)
      expect(second.lines).toContainEqual(kimiLine)
      expect(second.lines.some((line) => line.text.includes("failed"))).toBe(false)

      // Not asked again before the 120 s are over; Z.ai is.
      const zai = asked(GLM_PATHS.zai)
      const third = await model.refresh(options)
      expect(asked(KIMI_PATH)).toBe(2)
      expect(asked(GLM_PATHS.zai)).toBe(zai + 1)
      expect(third.lines).toContainEqual(kimiLine)

      // Within the floor nothing is asked at all: the cached answer is the sidebar's (and --format line's).
      const before = server.requests.length
      await model.refresh({ ...options, maxAgeSeconds: 60 })
      expect(server.requests.length).toBe(before)
      expect(home.ownFiles().some((file) => file.includes("/.cache/mystatus/"))).toBe(true)
    } finally {
      await model.dispose()
    }
  })

  it("platforms named in tui.json narrow it; names it does not know show nothing rather than everything", async () => {
    const model = makeSidebarModel()
    const options = { lang: "en", warnAt: 80, maxAgeSeconds: 0, shownFor: () => undefined }
    try {
      const zaiOnly = await model.refresh({ ...options, providers: ["Z.ai"] })
      expect(zaiOnly.lines.map((line) => line.text.split(" ")[0])).toEqual(["Z.ai"])
      const unknown = await model.refresh({ ...options, providers: ["nope"] })
      expect(unknown).toEqual({ configured: false, lines: [], toasts: [] })
    } finally {
      await model.dispose()
    }
  })
})
