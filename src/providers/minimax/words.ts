import type { ProviderWordsByLang } from "../../i18n/index.js"

/**
 * MiniMax's words: a refused key, whose usual cause is the region (a key works only on the platform that issued
 * it). Model names are MiniMax's own and shown as they are, so there are no scopes to translate.
 */
export const words: ProviderWordsByLang<never, "keyRefused", never> = {
  en: {
    scopes: {},
    checks: { region: ({ entry, site }) => `Reads the "${entry}" entry: its key must come from ${site}` },
    hints: {
      keyRefused:
        "MiniMax refused the API key. A key works only on the platform that issued it: a key from minimax.io (global) belongs in the `minimax-coding-plan` entry, one from minimaxi.com (China) in `minimax-cn-coding-plan`. Check that the key is correct and its Coding Plan is active, then set it again with `opencode auth login`."
    },
    problems: {}
  },
  "zh-CN": {
    scopes: {},
    checks: { region: ({ entry, site }) => `读取 "${entry}" 条目：其中的 API 密钥必须来自 ${site}` },
    hints: {
      keyRefused:
        "MiniMax 拒绝了该 API 密钥。API 密钥只能在签发它的平台上使用：minimax.io（国际版）的密钥应放在 `minimax-coding-plan` 条目中，minimaxi.com（中国版）的密钥应放在 `minimax-cn-coding-plan` 条目中。请确认密钥正确、Coding Plan 仍在有效期内，然后用 `opencode auth login` 重新设置密钥。"
    },
    problems: {}
  },
  "zh-TW": {
    scopes: {},
    checks: { region: ({ entry, site }) => `讀取 "${entry}" 項目：其中的 API Key 必須來自 ${site}` },
    hints: {
      keyRefused:
        "MiniMax 拒絕了此 API Key。API Key 只能在核發它的平台上使用：minimax.io（國際版）的 API Key 應放在 `minimax-coding-plan` 項目中，minimaxi.com（中國版）的則放在 `minimax-cn-coding-plan` 項目中。請確認 API Key 正確且 Coding Plan 仍在有效期內，然後以 `opencode auth login` 重新設定 API Key。"
    },
    problems: {}
  },
  fr: {
    scopes: {},
    checks: { region: ({ entry, site }) => `Lit l'entrée «\u00a0${entry}\u00a0», dont la clé API doit provenir de ${site}` },
    hints: {
      keyRefused:
        "MiniMax a refusé la clé API. Une clé ne fonctionne que sur la plateforme qui l'a émise\u00a0: une clé de minimax.io (international) va dans l'entrée `minimax-coding-plan`, une clé de minimaxi.com (Chine) dans `minimax-cn-coding-plan`. Vérifiez que la clé est correcte et que le Coding Plan est actif, puis enregistrez-la de nouveau avec `opencode auth login`."
    },
    problems: {}
  },
  ko: {
    scopes: {},
    checks: { region: ({ entry, site }) => `"${entry}" 항목을 읽음: ${site}에서 발급한 API 키여야 합니다` },
    hints: {
      keyRefused:
        "MiniMax에서 API 키를 거부했습니다. API 키는 발급한 플랫폼에서만 작동합니다. minimax.io(글로벌)의 키는 `minimax-coding-plan` 항목에, minimaxi.com(중국)의 키는 `minimax-cn-coding-plan` 항목에 넣어야 합니다. API 키가 올바른지, Coding Plan이 활성 상태인지 확인한 다음 `opencode auth login`으로 다시 설정하세요."
    },
    problems: {}
  }
}
