import type { ProviderWordsByLang } from "../../i18n/index.js"

/** GitHub Copilot's words: its quota kinds, the PAT's permission, and the way around a login that cannot read quota. */
export const words: ProviderWordsByLang<
  "premiumRequests" | "chat" | "completions",
  "patPermission",
  "CopilotQuotaUnavailable"
> = {
  en: {
    checks: {
      pat: ({ path, tier, username }) => `Uses the PAT file ${path} (user ${username}, tier ${tier})`,
      login: ({ host }) =>
        `Uses OpenCode's GitHub login (${host}); if it cannot read the quota, add a PAT file (see FAQ: Copilot)`
    },
    scopes: { premiumRequests: "Premium requests", chat: "Chat", completions: "Completions" },
    hints: {
      patPermission:
        "The token must be a fine-grained personal access token with the account permission \"Plan: Read-only\", and \"username\" must be its owner's GitHub login."
    },
    problems: {
      CopilotQuotaUnavailable: ({ patPath, status }) => ({
        message: `GitHub Copilot quota query unavailable: OpenCode's GitHub login cannot read the quota API (HTTP ${status}).`,
        fix: [
          "Create a fine-grained personal access token that can read your premium requests:",
          "1. Open https://github.com/settings/personal-access-tokens/new and under \"Account permissions\" set \"Plan\" to \"Read-only\".",
          `2. Save it in ${patPath} as {"token": "github_pat_...", "username": "<your GitHub login>", "tier": "pro"}; "tier" is required: free, pro, pro+, business or enterprise.`,
          "3. Run mystatus again.",
          "Or check the Copilot icon in the VS Code status bar, or https://github.com/settings/billing."
        ].join("\n")
      })
    },
    recreateFile:
      "recreate it as the JSON {\"token\": \"github_pat_...\", \"username\": \"<your GitHub login>\", \"tier\": \"pro\"} (tier: free, pro, pro+, business or enterprise), with a fine-grained personal access token that has the account permission \"Plan: Read-only\" (https://github.com/settings/personal-access-tokens/new)"
  },
  "zh-CN": {
    checks: {
      pat: ({ path, tier, username }) => `使用 PAT 文件 ${path}（用户 ${username}，tier ${tier}）`,
      login: ({ host }) => `使用 OpenCode 的 GitHub 登录（${host}）；若无法读取配额，请添加 PAT 文件（参见常见问题：Copilot）`
    },
    scopes: { premiumRequests: "高级请求", chat: "聊天", completions: "代码补全" },
    hints: {
      patPermission:
        "该令牌必须是 fine-grained PAT（细粒度个人访问令牌），且已在账号权限（Account permissions）中将 \"Plan\" 设为 \"Read-only\"；\"username\" 必须是令牌所有者的 GitHub 用户名。"
    },
    problems: {
      CopilotQuotaUnavailable: ({ patPath, status }) => ({
        message: `GitHub Copilot 配额查询不可用：OpenCode 的 GitHub 登录无法读取配额 API（HTTP ${status}）。`,
        fix: [
          "请创建一个可读取高级请求用量的 fine-grained PAT（细粒度个人访问令牌）：",
          "1. 打开 https://github.com/settings/personal-access-tokens/new，在 \"Account permissions\" 中将 \"Plan\" 设为 \"Read-only\"。",
          `2. 将其保存到 ${patPath}，内容为 {"token": "github_pat_...", "username": "<你的 GitHub 用户名>", "tier": "pro"}；"tier" 为必填字段：free、pro、pro+、business 或 enterprise。`,
          "3. 重新运行 mystatus。",
          "也可以查看 VS Code 状态栏中的 Copilot 图标，或访问 https://github.com/settings/billing。"
        ].join("\n")
      })
    },
    recreateFile:
      "请按 {\"token\": \"github_pat_...\", \"username\": \"<你的 GitHub 用户名>\", \"tier\": \"pro\"} 的 JSON 格式重新创建该文件（tier 为 free、pro、pro+、business 或 enterprise），其中的令牌必须是已在账号权限（Account permissions）中将 \"Plan\" 设为 \"Read-only\" 的 fine-grained PAT（https://github.com/settings/personal-access-tokens/new）"
  },
  "zh-TW": {
    checks: {
      pat: ({ path, tier, username }) => `使用 PAT 檔案 ${path}（使用者 ${username}，tier ${tier}）`,
      login: ({ host }) => `使用 OpenCode 的 GitHub 登入（${host}）；若無法讀取配額，請新增 PAT 檔案（參閱常見問題：Copilot）`
    },
    scopes: { premiumRequests: "進階請求", chat: "聊天", completions: "程式碼完成" },
    hints: {
      patPermission:
        "此 Token 必須是 fine-grained PAT（個人存取 Token），並在帳號權限（Account permissions）中將 \"Plan\" 設為 \"Read-only\"；\"username\" 必須是該 Token 擁有者的 GitHub 使用者名稱。"
    },
    problems: {
      CopilotQuotaUnavailable: ({ patPath, status }) => ({
        message: `GitHub Copilot 配額查詢無法使用：OpenCode 的 GitHub 登入無法讀取配額 API（HTTP ${status}）。`,
        fix: [
          "請建立一個可讀取進階請求用量的 fine-grained PAT（個人存取 Token）：",
          "1. 開啟 https://github.com/settings/personal-access-tokens/new，在 \"Account permissions\" 中將 \"Plan\" 設為 \"Read-only\"。",
          `2. 將它儲存到 ${patPath}，內容為 {"token": "github_pat_...", "username": "<你的 GitHub 使用者名稱>", "tier": "pro"}；"tier" 為必填欄位：free、pro、pro+、business 或 enterprise。`,
          "3. 再次執行 mystatus。",
          "或者，也可以點擊 VS Code 狀態列中的 Copilot 圖示查看配額，或前往 https://github.com/settings/billing 查看使用情況。"
        ].join("\n")
      })
    },
    recreateFile:
      "請依 {\"token\": \"github_pat_...\", \"username\": \"<你的 GitHub 使用者名稱>\", \"tier\": \"pro\"} 的 JSON 格式重新建立此檔案（tier 為 free、pro、pro+、business 或 enterprise），其中的 Token 必須是在帳號權限（Account permissions）中將 \"Plan\" 設為 \"Read-only\" 的 fine-grained PAT（https://github.com/settings/personal-access-tokens/new）"
  },
  fr: {
    checks: {
      pat: ({ path, tier, username }) => `Utilise le fichier PAT ${path} (utilisateur ${username}, tier ${tier})`,
      login: ({ host }) =>
        `Utilise la connexion GitHub d'OpenCode (${host})\u202f; si elle ne peut pas lire le quota, ajoutez un fichier PAT (voir la FAQ, section Copilot)`
    },
    scopes: { premiumRequests: "Requêtes premium", chat: "Chat", completions: "Complétions" },
    hints: {
      patPermission:
        "Le jeton doit être un fine-grained PAT (jeton d'accès personnel) doté de l'autorisation de compte \"Plan: Read-only\", et \"username\" doit être le nom d'utilisateur GitHub de son propriétaire."
    },
    problems: {
      CopilotQuotaUnavailable: ({ patPath, status }) => ({
        message:
          `Interrogation de quota GitHub Copilot indisponible\u00a0: la connexion GitHub d'OpenCode ne peut pas lire l'API de quota (HTTP ${status}).`,
        fix: [
          "Créez un fine-grained PAT (jeton d'accès personnel) capable de lire vos requêtes premium\u00a0:",
          "1. Ouvrez https://github.com/settings/personal-access-tokens/new et, sous \"Account permissions\", réglez \"Plan\" sur \"Read-only\".",
          `2. Enregistrez-le dans ${patPath} sous la forme {"token": "github_pat_...", "username": "<votre nom d'utilisateur GitHub>", "tier": "pro"}\u202f; "tier" est obligatoire\u00a0: free, pro, pro+, business ou enterprise.`,
          "3. Relancez mystatus.",
          "Vous pouvez aussi cliquer sur l'icône Copilot dans la barre d'état de VS Code, ou consulter https://github.com/settings/billing."
        ].join("\n")
      })
    },
    recreateFile:
      "recréez-le avec le JSON {\"token\": \"github_pat_...\", \"username\": \"<votre nom d'utilisateur GitHub>\", \"tier\": \"pro\"} (tier\u00a0: free, pro, pro+, business ou enterprise), à l'aide d'un fine-grained PAT (jeton d'accès personnel) doté de l'autorisation de compte \"Plan: Read-only\" (https://github.com/settings/personal-access-tokens/new)"
  },
  ko: {
    checks: {
      pat: ({ path, tier, username }) => `PAT 파일 사용: ${path} (사용자 ${username}, tier ${tier})`,
      login: ({ host }) =>
        `OpenCode의 GitHub 로그인 사용 (${host}). 할당량을 읽을 수 없으면 PAT 파일을 추가하세요 (FAQ의 'GitHub Copilot 할당량 조회 불가' 참고)`
    },
    scopes: { premiumRequests: "프리미엄 요청", chat: "채팅", completions: "코드 완성" },
    hints: {
      patPermission:
        "토큰은 \"Account permissions\"에서 \"Plan\"을 \"Read-only\"로 설정한 Fine-grained PAT여야 하며, \"username\" 값은 토큰 소유자의 GitHub 사용자 이름이어야 합니다."
    },
    problems: {
      CopilotQuotaUnavailable: ({ patPath, status }) => ({
        message: `GitHub Copilot 할당량 조회를 사용할 수 없습니다. OpenCode의 GitHub 로그인으로는 할당량 API에 액세스할 수 없습니다 (HTTP ${status}).`,
        fix: [
          "프리미엄 요청 사용량을 읽을 수 있는 Fine-grained PAT를 생성하세요:",
          "1. https://github.com/settings/personal-access-tokens/new 페이지를 열고 \"Account permissions\"에서 \"Plan\"을 \"Read-only\"로 설정하세요.",
          `2. 토큰을 ${patPath} 파일에 {"token": "github_pat_...", "username": "<GitHub 사용자 이름>", "tier": "pro"} 형식으로 저장하세요. "tier" 필드는 필수이며 free, pro, pro+, business, enterprise 중 하나입니다.`,
          "3. mystatus를 다시 실행하세요.",
          "또는 VS Code 상태 표시줄의 Copilot 아이콘을 클릭하거나 https://github.com/settings/billing 페이지에서 사용 현황을 확인하세요."
        ].join("\n")
      })
    },
    recreateFile:
      "{\"token\": \"github_pat_...\", \"username\": \"<GitHub 사용자 이름>\", \"tier\": \"pro\"} 형식의 JSON으로 파일을 다시 만드세요 (tier: free, pro, pro+, business, enterprise 중 하나). 토큰은 \"Account permissions\"에서 \"Plan\"을 \"Read-only\"로 설정한 Fine-grained PAT여야 합니다 (https://github.com/settings/personal-access-tokens/new)"
  }
}
