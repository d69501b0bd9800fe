import { describe, expect, it } from "@effect/vitest"
import { readFileSync, writeFileSync } from "node:fs"
import { LANGS } from "../../src/i18n/index.js"
import { renderText } from "../../src/render/text.js"
import { emptyRun, fullRun } from "./report.js"

/**
 * Every language renders the same fixed report. The expected files were generated once (MYSTATUS_WRITE_EXPECTED=1)
 * and then read line by line by a person before being committed: a change to any word shows here as a diff.
 */
const expected = (lang: string) => new URL(`./expected/${lang}.txt`, import.meta.url)
const render = (lang: (typeof LANGS)[number]) =>
  [renderText(fullRun, { lang, color: false }), renderText(emptyRun, { lang, color: false })].join("\n---\n")

describe("the same report in every language", () => {
  for (const lang of LANGS) {
    it(lang, () => {
      if (process.env.MYSTATUS_WRITE_EXPECTED === "1") writeFileSync(expected(lang), render(lang))
      expect(render(lang)).toBe(readFileSync(expected(lang), "utf8"))
    })
  }
})
