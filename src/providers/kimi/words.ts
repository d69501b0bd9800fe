import type { ProviderWordsByLang } from "../../i18n/index.js"

/** Kimi for Coding's words: what a refused key usually is (a key of another Kimi product, or a proxy's). */
export const words: ProviderWordsByLang<never, "codeKey", never> = {
  en: {
    scopes: {},
    hints: {
      codeKey:
        "The API key was refused. It must be a Kimi Code API key, created in the Kimi Code console (https://www.kimi.com/code/console): a Moonshot open platform key or a proxy's key will not do. Check that your Kimi for Coding subscription is active, then set the key again with `opencode auth login`."
    },
    problems: {}
  },
  "zh-CN": {
    scopes: {},
    hints: {
      codeKey:
        "API 密钥被拒绝。这里需要在 Kimi Code 控制台（https://www.kimi.com/code/console）创建的 Kimi Code API 密钥，Moonshot 开放平台的密钥或代理服务的密钥都不行。请确认 Kimi for Coding 订阅仍在有效期内，然后用 `opencode auth login` 重新设置密钥。"
    },
    problems: {}
  },
  "zh-TW": {
    scopes: {},
    hints: {
      codeKey:
        "API Key 遭到拒絕。這裡需要在 Kimi Code 控制台（https://www.kimi.com/code/console）建立的 Kimi Code API Key，Moonshot 開放平台的 API Key 或代理服務的 Key 都不適用。請確認 Kimi for Coding 訂閱仍在有效期內，然後以 `opencode auth login` 重新設定 API Key。"
    },
    problems: {}
  },
  fr: {
    scopes: {},
    hints: {
      codeKey:
        "La clé API a été refusée. Il faut une clé API Kimi Code, créée dans la console Kimi Code (https://www.kimi.com/code/console)\u00a0: une clé de la plateforme ouverte Moonshot ou celle d'un proxy ne convient pas. Vérifiez que votre abonnement Kimi for Coding est actif, puis enregistrez de nouveau la clé avec `opencode auth login`."
    },
    problems: {}
  },
  ko: {
    scopes: {},
    hints: {
      codeKey:
        "API 키가 거부되었습니다. Kimi Code 콘솔(https://www.kimi.com/code/console)에서 만든 Kimi Code API 키가 필요하며, Moonshot 오픈 플랫폼 키나 프록시의 키는 사용할 수 없습니다. Kimi for Coding 구독이 활성 상태인지 확인한 다음 `opencode auth login`으로 키를 다시 설정하세요."
    },
    problems: {}
  }
}
