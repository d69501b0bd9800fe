import { type ArgContext, formatNumber, type Locale, moneyWith, shellWord } from "./Locale.js"

const number = (value: number, fractionDigits?: number) => formatNumber(value, ",", ".", fractionDigits)

const range = (context: ArgContext, flag: string) => {
  const r = context.ranges[flag]!
  return r.unit === "seconds" ? `${r.min} 到 ${r.max} 之間的整數秒數` : `${r.min} 到 ${r.max} 之間的整數百分比`
}

export const zhTW: Locale = {
  number,
  money: moneyWith(number, (digits, code) =>
    code === "USD" ? `US$${digits}` : code === "EUR" ? `€${digits}` : code === "TWD" ? `NT$${digits}` : `${digits} ${code}`),
  percent: (value) => `${Math.round(value)}%`,
  duration: ({ days, hours, minutes }) =>
    days > 0 ? `${days}天${hours}小時` : hours > 0 ? `${hours}小時${minutes}分鐘` : `${minutes}分鐘`,
  lessThanAMinute: "不到1分鐘",
  windowLength: (length) => {
    switch (length._tag) {
      case "Daily":
        return "每日"
      case "Weekly":
        return "每週"
      case "Monthly":
        return "每月"
      case "Days":
        return `${length.count}天`
      case "Hours":
        return `${length.count}小時`
      case "Minutes":
        return `${length.count}分鐘`
    }
  },
  unit: { tokens: "tokens", requests: "次請求", calls: "次呼叫", credits: "點數" },
  listSeparator: "、",
  report: {
    usage: "用量",
    left: (percent) => `剩餘 ${percent}`,
    resetsIn: (span) => `${span}後重設`,
    resetDue: "即將重設",
    usedOf: (used, limit, unit) => `已用 ${used} / ${limit}${unit === null ? "" : ` ${unit}`}`,
    highUsage: (label, percent) => `${label}：已使用 ${percent}`,
    limitReached: "已達上限：在下次重設之前，請求都會被拒絕",
    credits: (balance, unlimited) => (unlimited ? "點數：無限制" : `點數餘額：${balance}`),
    unlimited: "無限制",
    overQuota: "已超出額度",
    overage: (count, unit) => `已超出額度：本期額外使用了 ${count} ${unit}`,
    topModels: (list) => `最常用的模型：${list}`,
    billingPeriod: (year, month) => `計費週期：${year}-${String(month).padStart(2, "0")}`,
    usageBasedBilling: (name) => `依用量計費（AI credits）：${name} 不會回報此帳號的額度`,
    extraUsage: (spent, limit) => (limit === null ? `額外用量：本月已花費 ${spent}（無每月上限）` : `額外用量：本月已花費 ${spent}，上限 ${limit}`),
    moneyLeft: (left, limit) => `剩餘 ${left}（共 ${limit}）`,
    moneyBalance: (amount) => `剩餘點數：${amount}`,
    spentIn: { today: (amount) => `今日 ${amount}`, week: (amount) => `本週 ${amount}`, month: (amount) => `本月 ${amount}` },
    moneySpent: (list) => `已花費：${list}`,
    balanceHidden: (name) => `剩餘點數：無法顯示（${name} 不允許此 API Key 讀取帳戶餘額）`,
    noWindows: "此帳號沒有回報任何額度限制",
    failedHeader: "查詢失敗",
    failure: (who, message) => `${who}：${message}`,
    paceRunsOut: (span, reset) => `依目前速度，預計 ${span}後用完，而 ${reset}後才會重設`,
    onPace: (percent) => `用量正常，預計重設時約已用 ${percent}`,
    stale: (span) => `暫不重新查詢（平台要求稍候）：顯示的是 ${span}前的結果`,
    watchFooter: (next, last) => `下次重新整理：${next} · 上次更新：${last} · 按 Ctrl-C 結束`,
    sidebarFailed: "查詢失敗：請執行 /mystatus",
    toastLow: (name, window, left) => `${name} · ${window}：僅剩 ${left}`,
    toastOut: (name, window, reset) => `${name} · ${window}：額度已用完${reset === null ? "" : `，${reset}後重設`}`,
    fixPrefix: "解決方法：",
    nothingConfigured: "未找到任何已設定的帳號。",
    supportedAccounts: "mystatus 會讀取各工具已儲存的認證資訊。支援的帳號類型：",
    setup: (name, ways) => `${name}：${ways.join("，或 ")}`,
    entryIn: (entry, path) => `${path} 中的 "${entry}" 項目（以 \`opencode auth login\` 登入）`,
    lookedAt: "已檢查：",
    pathState: (path, exists) => `${path}（${exists ? "存在" : "不存在"}）`,
    modelUse: (model, used) => `${model}（${used}）`,
    authFileName: "OpenCode 認證檔",
    notConfigured: (name, places) => `${name}：尚未設定（已檢查 ${places.join("、")}）`,
    lookedFor: ({ entry, exists, path }) => `${entry === null ? path : `${path} 中的 "${entry}" 項目`}${exists ? "" : "（檔案不存在）"}`
  },
  issue: {
    at: (path, what) => (path === "" ? what : `${path}：${what}`),
    missing: "缺少此欄位",
    unexpected: "不應出現在此處",
    invalid: "值無效",
    expected: (what) => `必須是${what}`,
    types: {
      string: "字串",
      number: "數字",
      boolean: "布林值（true 或 false）",
      object: "物件",
      list: "陣列",
      null: "空值（null）"
    },
    or: "或",
    oneOf: (values) => `下列值之一（${values.join("、")}）`,
    secret: "必須是非空字串，且前後不可有空白或換行",
    login: "必須是 GitHub 使用者名稱（只能包含英文字母、數字與連字號）",
    timestamp: "必須是數字（以毫秒計的 Unix 時間戳記）",
    url: "必須是主機名稱或 https URL",
    separator: "；",
    more: (count) => `（另有 ${count} 處問題）`
  },
  cli: {
    argument: (problem, context) => {
      const what = (() => {
        switch (problem._tag) {
          case "UnknownOption":
            return `${problem.flag}：未知的選項；可用的選項：${context.options.join("、")}`
          case "UnexpectedArgument":
            return problem.provider === undefined
              ? `'${problem.value}'：非預期的引數；mystatus 只接受選項`
              : `'${problem.value}'：非預期的引數；若只想查詢這個平台，請使用 --provider ${problem.provider}`
          case "MissingValue":
            return problem.flag === "--provider"
              ? `--provider：缺少值，須為下列其中之一：${context.providers.join("、")}`
              : problem.flag === "--lang"
              ? `--lang：缺少值，須為下列其中之一：${context.languages.join("、")}`
              : problem.flag === "--format"
              ? `--format：缺少值，須為下列其中之一：${context.formats.join("、")}`
              : `${problem.flag}：缺少值，須為 ${range(context, problem.flag)}`
          case "TakesNoValue":
            return `${problem.flag}：此選項不接受任何值，卻收到了 '${problem.value}'`
          case "NotAProvider":
            return `--provider：'${problem.value}' 不是可查詢的平台；須為下列其中之一：${context.providers.join("、")}`
          case "NotANumber":
            return `${problem.flag}：'${problem.value}' 不是 ${range(context, problem.flag)}`
          case "OutOfRange":
            return `${problem.flag}：'${problem.value}' 超出範圍；須為 ${range(context, problem.flag)}`
          case "NotAFormat":
            return `--format：'${problem.value}' 不是可用的格式；須為下列其中之一：${context.formats.join("、")}`
          case "Conflict":
            return `${problem.flag} 與 ${problem.other} 不能同時使用`
          case "NotALanguage":
            return `--lang：'${problem.value}' 不是支援的語言；須為下列其中之一：${context.languages.join("、")}`
        }
      })()
      return `mystatus：${what}（請參閱 mystatus --help）`
    },
    stopped: (seconds) => `mystatus：${seconds} 秒內未產生報告，已停止執行。可用 --timeout 延長等待時間。`,
    internalError: (name) => `mystatus：內部錯誤（${name}）；請連同你執行的指令一併回報。`,
    unknownProvider: (names, known) => `未知的平台：${names.join("、")}。可查詢的平台：${known.join("、")}。`,
    cancelled: "mystatus 已取消。"
  },
  errors: {
    AuthFileUnreadable: (e, c) => {
      const problem = {
        isDirectory: "這是一個目錄，而不是檔案",
        notRegularFile: "這不是一般檔案（而是 FIFO、socket 或裝置檔）",
        permissionDenied: "權限不足",
        tooLarge: e.detail === undefined ? "檔案過大" : `檔案大於 ${zhTW.number(Number(e.detail))} 位元組`,
        tooDeep: "其中的 JSON 巢狀層級過深",
        notJson: e.line === undefined || e.column === undefined
          ? "不是有效的 JSON"
          : `不是有效的 JSON（第 ${e.line} 行，第 ${e.column} 欄）`,
        notObject: "最上層不是 JSON 物件",
        ioError: e.detail === undefined ? "讀取錯誤" : `讀取錯誤（${e.detail}）`
      }[e.problem]
      const recreate = c.recreate ?? "以 `opencode auth login` 重新登入即可重新建立此檔案"
      const fix = e.problem === "permissionDenied"
        ? `請讓目前的使用者可以讀取此檔案，例如 \`chmod u+r ${shellWord(e.path)}\`（若檔案屬於其他使用者：\`sudo chown "$USER" ${
          shellWord(e.path)
        }\`）。`
        : e.problem === "isDirectory" || e.problem === "notRegularFile"
        ? `請將它移除，並在原位置重新放入 JSON 檔。${recreate}。`
        : e.problem === "ioError"
        ? `請檢查此檔案及其所在的磁碟；若檔案已損毀，${recreate}。`
        : `${recreate}。`
      return {
        message: `無法讀取認證檔 ${e.path}：${problem}`,
        fix: c.recreate === null ? `${fix}其他認證來源已照常檢查。` : fix
      }
    },
    CredentialsInvalid: (e, c) => ({
      message: `${e.entry === undefined ? `${e.source} 中的` : `${e.source} 中 "${e.entry}" 項目的`}認證資訊無效：${c.problem}`,
      fix: e.entry !== undefined
        ? "請依上述訊息修正；也可以用 `opencode auth login` 重新登入來重新寫入該項目。"
        : c.recreate === null
        ? "請依上述訊息修正。"
        : `請依上述訊息修正，或${c.recreate}。`
    }),
    ConfigInvalid: (e) => ({
      message: `設定無效：${e.variable} 必須是 http(s) URL`,
      fix: "請取消設定該環境變數以使用預設端點，或將它設為完整的 http(s) URL。"
    }),
    TokenExpired: (e, c) => ({
      message: `${c.name} 的 OAuth Token 已於 ${c.span(Math.max(0, (c.now - e.expiredAt) / 1000))}前過期`,
      fix: c.refresh ?? `請在 OpenCode 中使用一次 ${c.name} 模型以重新整理 Token，然後再次執行 mystatus。`
    }),
    HttpError: (e, c) => ({
      message: `${c.name} API 請求失敗（${c.status}）${(e.detail ?? e.code) === undefined ? "" : `：${e.detail ?? e.code}`}`,
      fix: {
        refused: `${c.name} 拒絕了你的登入：請以 \`opencode auth login\` 重新授權。`,
        rateLimited: `請求過於頻繁：請等待${e.retryAfterSeconds === undefined ? "幾分鐘" : c.span(e.retryAfterSeconds)}後再試。`,
        server: `${c.name} 的伺服器暫時發生問題，請稍後再試。`,
        notFound: `找不到端點 ${e.endpoint}：請檢查你設定的 MYSTATUS_*_URL 變數；若你沒有設定任何這類變數，可能是 API 已搬移，請回報此訊息。`,
        other: "請再試一次；若問題持續發生，請附上此訊息回報。"
      }[c.kind]
    }),
    ApiError: (e) => ({
      message: `${e.service} API 請求失敗 (${e.code})${e.detail === "" ? "" : `：${e.detail}`}`,
      fix: "請確認 API Key 正確且 Coding Plan 仍在有效期內；可用 `opencode auth login` 重新設定 API Key。"
    }),
    DecodeError: (e, c) => ({
      message: `${c.name} 回傳了無法辨識的回應（${e.endpoint}）：${
        {
          shape: c.problem,
          noQuota: `回應中沒有任何記載額度的欄位（${c.problem}）`,
          notJson: "回應不是 JSON",
          empty: "回應是空的",
          tooLarge: "回應大於 2 MiB",
          tooDeep: "回應的 JSON 巢狀層級過深"
        }[e.reason]
      }`,
      fix:
        "可能是 API 已變更、回應其實來自網路登入頁面（captive portal）或代理，或 MYSTATUS_*_URL 變數指向了其他位址；其他平台不受影響。若問題持續發生，請回報此訊息。"
    }),
    NetworkError: (e, c) => ({
      message: `無法連線到 ${c.name}（${e.endpoint}）：${e.cause}`,
      fix: c.kind === "tls"
        ? "伺服器的憑證不受信任：可能有代理或防火牆正在攔截連線。若是你所屬組織的代理，請將 NODE_EXTRA_CA_CERTS 指向該組織的 CA 憑證。"
        : e.proxy !== undefined
        ? `請檢查 ${e.proxy} 中設定的代理（位址是否正確、是否正在執行），或取消設定 ${e.proxy} 以直接連線。`
        : c.kind === "refused"
        ? "該位址沒有任何服務接受連線：請檢查你設定的 MYSTATUS_*_URL 變數，或稍後再試。"
        : c.kind === "unreachable"
        ? `請檢查網路連線。若你位於防火牆後方，或所在地區無法存取 ${c.name}，請將 HTTPS_PROXY 設為你的代理（例如 HTTPS_PROXY=http://host:port）。`
        : "請檢查網路連線，然後再試一次。"
    }),
    Timeout: (e, c) => ({
      message: `請求逾時（${e.seconds}秒）`,
      fix: `${c.name} 未及時回應；請再試一次，或用 --timeout 延長等待時間。`
    })
  },
  doctor: {
    found: (path, variables) => variables.length === 0 ? `已找到：${path}` : `已找到：${path}（由 ${variables.join("、")} 決定）`,
    notUsed: (path, variables) =>
      variables.length === 0 ? `未找到：${path}（未使用）` : `未找到：${path}（由 ${variables.join("、")} 決定；未使用）`,
    validJson: "可讀取，JSON 格式正確",
    accounts: (count) => `已設定 ${count} 個帳號`,
    notConfigured: (names) => (names.length === 0 ? "未設定" : `未設定：${names.join("、")}`),
    ignored: (entry) => `mystatus 不會讀取 "${entry}" 項目（已忽略）`,
    expiresIn: (entry, span) => `"${entry}" 的 Token 將在 ${span}後過期`,
    entry: (entry) => `讀取 "${entry}" 項目`,
    override: (variable) => `已設定 ${variable}：查詢將送往它指定的位址`,
    setting: (variable) => `已設定 ${variable}`,
    proxy: (variable, exempt) =>
      exempt.length === 0 ? `已啟用代理：${variable}` : `已啟用代理：${variable}（NO_PROXY 指定 ${exempt.join("、")} 不經過代理）`,
    answered: "即時查詢成功",
    nothingConfigured: {
      message: "未找到任何已設定的帳號",
      fix: "請先在 OpenCode 中登入一個平台（opencode auth login），或新增其認證檔；請參閱 mystatus --help。"
    },
    summary: (problems, warnings, failing) =>
      problems === 0 && warnings === 0
        ? "未發現問題"
        : [problems === 0 ? "未發現問題" : `發現 ${problems} 個問題：${failing.join("、")}`, warnings === 0 ? null : `${warnings} 個警告`]
          .filter((part) => part !== null).join("；"),
    environment: "環境變數",
    suggest: "執行 mystatus doctor 逐項檢查設定。"
  }
}
