import type { ProviderWordsByLang } from "../../i18n/index.js"

/** OpenCode Go's words: its refusal means a wrong key or no Go subscription, and it does not say which. */
export const words: ProviderWordsByLang<never, "keyOrSubscription", never> = {
  en: {
    scopes: {},
    hints: {
      keyOrSubscription:
        "OpenCode refuses both a wrong API key and the key of a workspace without an active OpenCode Go subscription. Check the subscription on your workspace's Go page at https://opencode.ai, then set the key again with `opencode auth login`."
    },
    problems: {}
  },
  "zh-CN": {
    scopes: {},
    hints: {
      keyOrSubscription:
        "API 密钥错误，或该工作区没有有效的 OpenCode Go 订阅，OpenCode 都会这样拒绝。请在 https://opencode.ai 的工作区 Go 页面确认订阅状态，然后用 `opencode auth login` 重新设置密钥。"
    },
    problems: {}
  },
  "zh-TW": {
    scopes: {},
    hints: {
      keyOrSubscription:
        "API Key 錯誤，或該工作區沒有有效的 OpenCode Go 訂閱，OpenCode 都會這樣拒絕。請在 https://opencode.ai 的工作區 Go 頁面確認訂閱狀態，然後以 `opencode auth login` 重新設定 API Key。"
    },
    problems: {}
  },
  fr: {
    scopes: {},
    hints: {
      keyOrSubscription:
        "OpenCode refuse de la même façon une clé API erronée et la clé d'un espace de travail sans abonnement OpenCode Go actif. Vérifiez l'abonnement sur la page Go de votre espace de travail, sur https://opencode.ai, puis enregistrez de nouveau la clé avec `opencode auth login`."
    },
    problems: {}
  },
  ko: {
    scopes: {},
    hints: {
      keyOrSubscription:
        "OpenCode는 잘못된 API 키와 OpenCode Go 구독이 활성화되지 않은 워크스페이스의 키를 똑같이 거부합니다. https://opencode.ai 에서 워크스페이스의 Go 페이지를 열어 구독을 확인한 다음 `opencode auth login`으로 키를 다시 설정하세요."
    },
    problems: {}
  }
}
