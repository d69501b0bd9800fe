import type { ProviderWordsByLang } from "../../i18n/index.js"

/** Google Antigravity's words: models outside the known families, a revoked login, and a missing project. */
export const words: ProviderWordsByLang<"otherModels", "signInAgain", "MissingProjectId"> = {
  en: {
    checks: {
      project: ({ account, project }) => `${account}: enabled, project ${project}`,
      noProject: ({ account }) =>
        `${account}: enabled, no projectId or managedProjectId (looked up on each query; if none is found, sign in again in Antigravity)`,
      disabled: ({ account }) => `${account}: disabled (skipped)`
    },
    scopes: { otherModels: "Other models" },
    hints: {
      signInAgain:
        "Google no longer accepts this account's refresh token (revoked or expired): sign in to it again with `opencode auth login` (Google, OAuth with Antigravity)."
    },
    problems: {
      MissingProjectId: ({ path }) => ({
        message: "No Google Cloud project for this account, and Antigravity did not assign one",
        fix: `Find your project ID in the Google Cloud console (https://console.cloud.google.com, the project picker at the top: use the ID, not the name) and add "projectId": "<your-project-id>" to this account in ${path}, or sign in again with \`opencode auth login\` and give the project ID when asked.`
      })
    },
    recreateFile: "sign in again with `opencode auth login` (Google, OAuth with Antigravity) to recreate it"
  },
  "zh-CN": {
    checks: {
      project: ({ account, project }) => `${account}：已启用，项目 ${project}`,
      noProject: ({ account }) => `${account}：已启用，未设置 projectId 或 managedProjectId（每次查询时会自动查找；若找不到，请在 Antigravity 中重新登录）`,
      disabled: ({ account }) => `${account}：已禁用（已跳过）`
    },
    scopes: { otherModels: "其他模型" },
    hints: {
      signInAgain:
        "Google 不再接受此账号的刷新令牌（refresh token，已撤销或过期）：请用 `opencode auth login`（Google，OAuth with Antigravity）重新登录该账号。"
    },
    problems: {
      MissingProjectId: ({ path }) => ({
        message: "此账号没有 Google Cloud 项目（缺少 project_id），Antigravity 也未分配项目",
        fix: `请在 Google Cloud 控制台（https://console.cloud.google.com，顶部的项目选择器，使用项目 ID 而非名称）找到项目 ID，并在 ${path} 中为此账号添加 "projectId": "<你的项目 ID>"；或用 \`opencode auth login\` 重新登录并在提示时填写项目 ID。`
      })
    },
    recreateFile: "用 `opencode auth login`（Google，OAuth with Antigravity）重新登录即可重建该文件"
  },
  "zh-TW": {
    checks: {
      project: ({ account, project }) => `${account}：已啟用，專案 ${project}`,
      noProject: ({ account }) => `${account}：已啟用，未設定 projectId 或 managedProjectId（每次查詢時會自動查找；若找不到，請在 Antigravity 中重新登入）`,
      disabled: ({ account }) => `${account}：已停用（已略過）`
    },
    scopes: { otherModels: "其他模型" },
    hints: {
      signInAgain:
        "Google 已不再接受此帳號的 refresh token（已撤銷或過期）：請以 `opencode auth login`（Google，OAuth with Antigravity）重新登入此帳號。"
    },
    problems: {
      MissingProjectId: ({ path }) => ({
        message: "此帳號沒有 Google Cloud 專案（缺少 project_id），Antigravity 也未指派任何專案",
        fix: `請在 Google Cloud 控制台（https://console.cloud.google.com，頂端的專案選擇器；請使用專案 ID，而非專案名稱）找到你的專案 ID，並在 ${path} 中為此帳號加上 "projectId": "<你的專案 ID>"；或以 \`opencode auth login\` 重新登入，並在詢問時輸入專案 ID。`
      })
    },
    recreateFile: "以 `opencode auth login`（Google，OAuth with Antigravity）重新登入即可重新建立此檔案"
  },
  fr: {
    checks: {
      project: ({ account, project }) => `${account}\u00a0: activé, projet ${project}`,
      noProject: ({ account }) =>
        `${account}\u00a0: activé, sans projectId ni managedProjectId (le projet est recherché à chaque interrogation\u202f; s'il reste introuvable, reconnectez-vous dans Antigravity)`,
      disabled: ({ account }) => `${account}\u00a0: désactivé (ignoré)`
    },
    scopes: { otherModels: "Autres modèles" },
    hints: {
      signInAgain:
        "Google n'accepte plus le refresh token de ce compte (révoqué ou expiré)\u00a0: reconnectez-vous à ce compte avec `opencode auth login` (Google, OAuth with Antigravity)."
    },
    problems: {
      MissingProjectId: ({ path }) => ({
        message: "project_id manquant\u00a0: ce compte n'a pas de projet Google Cloud, et Antigravity ne lui en a attribué aucun",
        fix:
          `Trouvez l'ID de projet dans la console Google Cloud (https://console.cloud.google.com, sélecteur de projet en haut de la page\u00a0: prenez l'ID, pas le nom) et ajoutez "projectId": "<votre-id-de-projet>" à ce compte dans ${path}, ou reconnectez-vous avec \`opencode auth login\` et indiquez l'ID de projet lorsqu'il vous est demandé.`
      })
    },
    recreateFile: "reconnectez-vous avec `opencode auth login` (Google, OAuth with Antigravity) pour le recréer"
  },
  ko: {
    checks: {
      project: ({ account, project }) => `${account}: 활성화됨, 프로젝트 ${project}`,
      noProject: ({ account }) =>
        `${account}: 활성화됨, projectId 또는 managedProjectId 없음 (조회할 때마다 프로젝트를 찾으며, 찾지 못하면 Antigravity에서 다시 로그인하세요)`,
      disabled: ({ account }) => `${account}: 비활성화됨 (건너뜀)`
    },
    scopes: { otherModels: "기타 모델" },
    hints: {
      signInAgain:
        "Google에서 이 계정의 refresh 토큰을 더 이상 받아들이지 않습니다 (취소 또는 만료). `opencode auth login`으로 Google(OAuth with Antigravity)에 이 계정으로 다시 로그인하세요."
    },
    problems: {
      MissingProjectId: ({ path }) => ({
        message: "이 계정에 Google Cloud 프로젝트 ID(project_id)가 없고, Antigravity도 프로젝트를 할당하지 않았습니다",
        fix: `Google Cloud 콘솔(https://console.cloud.google.com 상단의 프로젝트 선택기)에서 프로젝트 ID를 확인한 뒤(이름이 아니라 ID를 사용하세요), ${path} 파일의 이 계정 항목에 "projectId": "<프로젝트 ID>" 필드를 추가하세요. 또는 \`opencode auth login\`으로 다시 로그인하고, 프로젝트 ID를 묻는 단계에서 입력하세요.`
      })
    },
    recreateFile: "`opencode auth login`으로 Google(OAuth with Antigravity)에 다시 로그인해 파일을 다시 만드세요"
  }
}
