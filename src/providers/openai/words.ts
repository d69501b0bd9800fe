import type { ProviderWordsByLang } from "../../i18n/index.js"

/** OpenAI's own words: the name of the code-review limit. */
export const words: ProviderWordsByLang<"codeReview", never, never> = {
  en: { scopes: { codeReview: "Code review" }, hints: {}, problems: {} },
  "zh-CN": { scopes: { codeReview: "代码审查" }, hints: {}, problems: {} },
  "zh-TW": { scopes: { codeReview: "程式碼審查" }, hints: {}, problems: {} },
  fr: { scopes: { codeReview: "Revue de code" }, hints: {}, problems: {} },
  ko: { scopes: { codeReview: "코드 리뷰" }, hints: {}, problems: {} }
}
