import type { ProviderWordsByLang } from "../../i18n/index.js"

/** OpenRouter's words: its key's spending limit, and what a refused key usually is. */
export const words: ProviderWordsByLang<"keyLimit", "apiKey", never> = {
  en: {
    scopes: { keyLimit: "Key limit" },
    hints: {
      apiKey:
        "OpenRouter refused the API key: it may have been deleted, disabled or mistyped. Check it at https://openrouter.ai/settings/keys, then set it again with `opencode auth login`."
    },
    problems: {}
  },
  "zh-CN": {
    scopes: { keyLimit: "密钥限额" },
    hints: {
      apiKey:
        "OpenRouter 拒绝了该 API 密钥：它可能已被删除、停用或输入有误。请在 https://openrouter.ai/settings/keys 检查密钥，然后用 `opencode auth login` 重新设置。"
    },
    problems: {}
  },
  "zh-TW": {
    scopes: { keyLimit: "API Key 額度" },
    hints: {
      apiKey:
        "OpenRouter 拒絕了此 API Key：它可能已被刪除、停用或輸入錯誤。請在 https://openrouter.ai/settings/keys 檢查 API Key，然後以 `opencode auth login` 重新設定。"
    },
    problems: {}
  },
  fr: {
    scopes: { keyLimit: "Limite de la clé" },
    hints: {
      apiKey:
        "OpenRouter a refusé la clé API\u00a0: elle a peut-être été supprimée, désactivée ou mal saisie. Vérifiez-la sur https://openrouter.ai/settings/keys, puis enregistrez-la de nouveau avec `opencode auth login`."
    },
    problems: {}
  },
  ko: {
    scopes: { keyLimit: "키 한도" },
    hints: {
      apiKey:
        "OpenRouter가 API 키를 거부했습니다. 키가 삭제 또는 비활성화되었거나 잘못 입력되었을 수 있습니다. https://openrouter.ai/settings/keys 에서 키를 확인한 다음 `opencode auth login`으로 다시 설정하세요."
    },
    problems: {}
  }
}
