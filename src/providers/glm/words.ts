import type { ProviderWordsByLang } from "../../i18n/index.js"

/** The GLM coding plan's words (Zhipu AI and Z.ai): its MCP tool quota and its credits. */
export const words: ProviderWordsByLang<"mcp" | "credits", never, never> = {
  en: { scopes: { mcp: "MCP", credits: "Credits" }, hints: {}, problems: {} },
  "zh-CN": { scopes: { mcp: "MCP", credits: "额度" }, hints: {}, problems: {} },
  "zh-TW": { scopes: { mcp: "MCP", credits: "點數" }, hints: {}, problems: {} },
  fr: { scopes: { mcp: "MCP", credits: "Crédits" }, hints: {}, problems: {} },
  ko: { scopes: { mcp: "MCP", credits: "크레딧" }, hints: {}, problems: {} }
}
