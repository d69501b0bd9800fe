import type { ProviderWordsByLang } from "../../i18n/index.js"

/**
 * Claude's words: its per-model and per-surface limits, what to do about a refused login (401), a login that may not
 * read usage (403: no `user:profile` scope, e.g. a `claude setup-token` token), and throttling (429, which a stale
 * login also gets), how to renew an expired login, and how to get Claude Code's credentials back.
 */
export const words: ProviderWordsByLang<
  "opus" | "sonnet" | "oauthApps" | "extraUsage",
  "signInAgain" | "profileScope" | "rateLimited",
  never
> = {
  en: {
    scopes: { opus: "Opus", sonnet: "Sonnet", oauthApps: "OAuth apps", extraUsage: "Extra usage" },
    hints: {
      signInAgain:
        "Anthropic no longer accepts this login (signed out, or replaced by a newer one): log in again with `claude` (`/login`), then run mystatus again.",
      profileScope:
        "This login cannot read usage: it lacks the `user:profile` scope, as tokens made for inference only (e.g. by `claude setup-token`) do. Log in with `claude` (`/login`) instead, then run mystatus again.",
      rateLimited: (e, c) =>
        `Anthropic is limiting requests for this login: try again ${
          e.retryAfterSeconds === undefined ? "in a few minutes" : `in ${c.span(e.retryAfterSeconds)}`
        }. A stale login is refused this way too: if it persists, run \`claude\` once to refresh it.`
    },
    problems: {},
    refreshLogin: "Run `claude` once (or use Claude in OpenCode) to refresh the login, then run mystatus again.",
    recreateFile: "log in again with `claude` (`/login`) to recreate it"
  },
  "zh-CN": {
    scopes: { opus: "Opus", sonnet: "Sonnet", oauthApps: "OAuth 应用", extraUsage: "额外用量" },
    hints: {
      signInAgain: "Anthropic 不再接受此登录（已退出，或已被新的登录取代）：请用 `claude`（`/login`）重新登录，然后重新运行 mystatus。",
      profileScope:
        "此登录无权读取用量：缺少 `user:profile` 权限范围（scope）。仅用于推理的令牌（例如 `claude setup-token` 生成的）无法读取用量；请改用 `claude`（`/login`）登录，然后重新运行 mystatus。",
      rateLimited: (e, c) =>
        `Anthropic 正在限制此登录的请求：请在${
          e.retryAfterSeconds === undefined ? "几分钟后" : `${c.span(e.retryAfterSeconds)}后`
        }重试。过期失效的登录也会收到同样的回复：若一直如此，请运行一次 \`claude\` 以刷新登录。`
    },
    problems: {},
    refreshLogin: "请运行一次 `claude`（或在 OpenCode 中使用一次 Claude）以刷新登录，然后重新运行 mystatus。",
    recreateFile: "用 `claude`（`/login`）重新登录即可重新写入登录信息"
  },
  "zh-TW": {
    scopes: { opus: "Opus", sonnet: "Sonnet", oauthApps: "OAuth 應用程式", extraUsage: "額外用量" },
    hints: {
      signInAgain: "Anthropic 已不再接受此登入（已登出，或已被較新的登入取代）：請以 `claude`（`/login`）重新登入，然後再次執行 mystatus。",
      profileScope:
        "此登入無權讀取用量：缺少 `user:profile` 權限範圍（scope）。僅供推論使用的 Token（例如 `claude setup-token` 產生的）無法讀取用量；請改以 `claude`（`/login`）登入，然後再次執行 mystatus。",
      rateLimited: (e, c) =>
        `Anthropic 正在限制此登入的請求：請在${
          e.retryAfterSeconds === undefined ? "幾分鐘後" : `${c.span(e.retryAfterSeconds)}後`
        }再試。過期失效的登入也會收到同樣的回應：若持續如此，請執行一次 \`claude\` 以重新整理登入。`
    },
    problems: {},
    refreshLogin: "請執行一次 `claude`（或在 OpenCode 中使用一次 Claude）以重新整理登入，然後再次執行 mystatus。",
    recreateFile: "以 `claude`（`/login`）重新登入即可重新寫入登入資訊"
  },
  fr: {
    scopes: { opus: "Opus", sonnet: "Sonnet", oauthApps: "Applications OAuth", extraUsage: "Utilisation supplémentaire" },
    hints: {
      signInAgain:
        "Anthropic n'accepte plus cette connexion (déconnectée, ou remplacée par une plus récente)\u00a0: reconnectez-vous avec `claude` (`/login`), puis relancez mystatus.",
      profileScope:
        "Cette connexion ne peut pas lire l'utilisation\u00a0: il lui manque la portée `user:profile`. Les jetons destinés à l'inférence seule (par exemple ceux de `claude setup-token`) ne le peuvent pas\u202f; connectez-vous plutôt avec `claude` (`/login`), puis relancez mystatus.",
      rateLimited: (e, c) =>
        `Anthropic limite les demandes de cette connexion\u00a0: réessayez ${
          e.retryAfterSeconds === undefined ? "dans quelques minutes" : `dans ${c.span(e.retryAfterSeconds)}`
        }. Une connexion périmée reçoit aussi cette réponse\u00a0: si cela persiste, lancez une fois \`claude\` pour la rafraîchir.`
    },
    problems: {},
    refreshLogin: "Lancez une fois `claude` (ou utilisez Claude dans OpenCode) pour rafraîchir la connexion, puis relancez mystatus.",
    recreateFile: "reconnectez-vous avec `claude` (`/login`) pour le recréer"
  },
  ko: {
    scopes: { opus: "Opus", sonnet: "Sonnet", oauthApps: "OAuth 앱", extraUsage: "추가 사용량" },
    hints: {
      signInAgain:
        "Anthropic에서 이 로그인을 더 이상 받아들이지 않습니다 (로그아웃되었거나 새 로그인으로 대체됨). `claude`(`/login`)로 다시 로그인한 다음 mystatus를 다시 실행하세요.",
      profileScope:
        "이 로그인으로는 사용량을 읽을 수 없습니다. `user:profile` 범위(scope)가 없습니다. 추론 전용 토큰(예: `claude setup-token`으로 만든 토큰)으로는 사용량을 읽을 수 없으니 `claude`(`/login`)로 로그인한 다음 mystatus를 다시 실행하세요.",
      rateLimited: (e, c) =>
        `Anthropic에서 이 로그인의 요청을 제한하고 있습니다. ${
          e.retryAfterSeconds === undefined ? "몇 분" : c.span(e.retryAfterSeconds)
        } 후에 다시 시도하세요. 오래된 로그인도 같은 응답을 받습니다. 계속되면 \`claude\`를 한 번 실행해 로그인을 새로 고치세요.`
    },
    problems: {},
    refreshLogin: "`claude`를 한 번 실행하거나 OpenCode에서 Claude를 한 번 사용해 로그인을 새로 고친 다음 mystatus를 다시 실행하세요.",
    recreateFile: "`claude`(`/login`)로 다시 로그인해 로그인 정보를 다시 저장하세요"
  }
}
