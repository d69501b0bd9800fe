import { describe, expect, it } from "@effect/vitest"
import { paceKey } from "../../src/history/insight.js"
import type { Pace } from "../../src/history/pace.js"
import { sidebarLines, toastsDue } from "../../src/tui/sidebar.js"
import { failed, HOUR, NOW, reported, result, window as windowAt } from "../support/results.js"

/** What the OpenCode sidebar shows and which toasts are due, decided without OpenCode. */

/** Windows resetting in 2 hours. */
const window = (used: number, overrides: Parameters<typeof windowAt>[1] = {}) => windowAt(used, overrides, 2)
const words = { lang: "en" as const, warnAt: 80 }

describe("sidebar lines", () => {
  it("one per platform: tightest window as a bar of what is left, the percent, the reset; failures point at /mystatus", () => {
    const lines = sidebarLines(result([
      reported("openai", "OpenAI", [window(33), window(81, { windowSeconds: 7 * 24 * HOUR })]),
      reported("google", "Google Antigravity", [window(0, { unlimited: true })]),
      failed("kimi", "Kimi for Coding")
    ]), new Map(), words)
    expect(lines).toEqual([
      { text: "OpenAI █░░░░░ 19% 2h 0m", tone: "error" },
      { text: "Google Anti… ∞", tone: "ok" },
      { text: "Kimi for Co… ✗ failed: see /mystatus", tone: "error" }
    ])
  })

  it("↗ when the history says the binding window runs out before its reset; yellow from half used", () => {
    const w = window(60)
    const pace: Pace = { _tag: "RunsOut", inSeconds: 3600, resetInSeconds: 7200, percentPerHour: 40 }
    const lines = sidebarLines(result([reported("zai", "Z.ai", [w])]), new Map([[paceKey("zai", "a", "5h"), pace]]), words)
    expect(lines).toEqual([{ text: "Z.ai ██░░░░ 40% 2h 0m ↗", tone: "warn" }])
  })

  it("in the language asked", () => {
    expect(sidebarLines(result([failed("kimi", "Kimi")]), new Map(), { ...words, lang: "zh-CN" })[0]!.text).toBe(
      "Kimi ✗ 查询失败：请运行 /mystatus"
    )
  })
})

describe("toasts", () => {
  const low = result([reported("zai", "Z.ai", [window(85)])])
  it("a window past --warn-at, and one used up, each once per reset period", () => {
    const shown = new Map<string, number | null>()
    const due = toastsDue(low, (key) => shown.get(key), words)
    expect(due.map((t) => [t.variant, t.message])).toEqual([["warning", "Z.ai · 5-hour: only 15% left"]])
    for (const toast of due) shown.set(toast.key, toast.period)
    expect(toastsDue(low, (key) => shown.get(key), words)).toEqual([])
    // The reset reported a few seconds off (platforms that give "seconds until reset"): the same period.
    const jittered = result([reported("zai", "Z.ai", [window(90, { resetsAt: new Date(NOW + 2 * HOUR * 1000 + 4000) })])])
    expect(toastsDue(jittered, (key) => shown.get(key), words)).toEqual([])
    // Used up: a new level, said once.
    const out = result([reported("zai", "Z.ai", [window(100)])])
    const outDue = toastsDue(out, (key) => shown.get(key), words)
    expect(outDue.map((t) => [t.variant, t.message])).toEqual([["error", "Z.ai · 5-hour: used up; resets in 2h 0m"]])
    // The next period starts afresh.
    const next = result([reported("zai", "Z.ai", [window(85, { resetsAt: new Date(NOW + 7 * HOUR * 1000) })])])
    expect(toastsDue(next, (key) => shown.get(key), words)).toHaveLength(1)
  })

  it("nothing below the threshold, nothing for unlimited windows or failures; the threshold moves with warnAt", () => {
    const calm = result([reported("a", "A", [window(50), window(100, { unlimited: true })]), failed("b", "B")])
    expect(toastsDue(calm, () => undefined, words)).toEqual([])
    expect(toastsDue(calm, () => undefined, { ...words, warnAt: 50 })).toHaveLength(1)
  })
})
