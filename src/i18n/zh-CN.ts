import { type ArgContext, formatNumber, type Locale, moneyWith, shellWord } from "./Locale.js"

const number = (value: number, fractionDigits?: number) => formatNumber(value, ",", ".", fractionDigits)

const range = (context: ArgContext, flag: string) => {
  const r = context.ranges[flag]!
  return r.unit === "seconds" ? `${r.min} 到 ${r.max} 之间的整数秒数` : `${r.min} 到 ${r.max} 之间的整数百分比`
}

export const zhCN: Locale = {
  number,
  money: moneyWith(number, (digits, code) =>
    code === "USD" ? `${digits} 美元` : code === "EUR" ? `${digits} 欧元` : code === "CNY" ? `${digits} 元` : `${digits} ${code}`),
  percent: (value) => `${Math.round(value)}%`,
  duration: ({ days, hours, minutes }) =>
    days > 0 ? `${days}天${hours}小时` : hours > 0 ? `${hours}小时${minutes}分钟` : `${minutes}分钟`,
  lessThanAMinute: "不到1分钟",
  windowLength: (length) => {
    switch (length._tag) {
      case "Daily":
        return "每日"
      case "Weekly":
        return "每周"
      case "Monthly":
        return "每月"
      case "Days":
        return `${length.count}天`
      case "Hours":
        return `${length.count}小时`
      case "Minutes":
        return `${length.count}分钟`
    }
  },
  unit: { tokens: "tokens", requests: "次请求", calls: "次调用", credits: "额度" },
  listSeparator: "、",
  report: {
    usage: "用量",
    left: (percent) => `剩余 ${percent}`,
    resetsIn: (span) => `${span}后重置`,
    resetDue: "即将重置",
    usedOf: (used, limit, unit) => `已用 ${used} / ${limit}${unit === null ? "" : ` ${unit}`}`,
    highUsage: (label, percent) => `${label}：已使用 ${percent}`,
    limitReached: "已达上限：下次重置前的请求都会被拒绝",
    credits: (balance, unlimited) => (unlimited ? "额度：无限制" : `额度余额：${balance}`),
    unlimited: "无限制",
    overQuota: "已超额",
    overage: (count, unit) => `已超额：本周期额外使用 ${count} ${unit}`,
    topModels: (list) => `最常用模型：${list}`,
    billingPeriod: (year, month) => `计费周期：${year}-${String(month).padStart(2, "0")}`,
    usageBasedBilling: (name) => `按用量计费（AI credits）：${name} 未提供此账号的配额`,
    extraUsage: (spent, limit) => (limit === null ? `额外用量：本月已花费 ${spent}（无月度上限）` : `额外用量：本月已花费 ${spent}，上限 ${limit}`),
    moneyLeft: (left, limit) => `剩余 ${left}（共 ${limit}）`,
    moneyBalance: (amount) => `剩余额度：${amount}`,
    spentIn: { today: (amount) => `今日 ${amount}`, week: (amount) => `本周 ${amount}`, month: (amount) => `本月 ${amount}` },
    moneySpent: (list) => `已花费：${list}`,
    balanceHidden: (name) => `剩余额度：无法显示（${name} 不允许此 API 密钥读取账户余额）`,
    noWindows: "此账号未返回任何限额",
    failedHeader: "查询失败",
    failure: (who, message) => `${who}：${message}`,
    paceRunsOut: (span, reset) => `按当前速度，预计 ${span}后用完，而 ${reset}后才会重置`,
    onPace: (percent) => `用量正常，预计重置时约已用 ${percent}`,
    stale: (span) => `暂不重新查询（平台要求稍候）：显示的是 ${span}前的结果`,
    watchFooter: (next, last) => `下次刷新：${next} · 上次更新：${last} · 按 Ctrl-C 退出`,
    sidebarFailed: "查询失败：请运行 /mystatus",
    toastLow: (name, window, left) => `${name} · ${window}：仅剩 ${left}`,
    toastOut: (name, window, reset) => `${name} · ${window}：额度已用完${reset === null ? "" : `，${reset}后重置`}`,
    fixPrefix: "解决方法：",
    nothingConfigured: "未找到任何已配置的账号。",
    supportedAccounts: "mystatus 会读取各工具已保存的凭据。支持的账号类型：",
    setup: (name, ways) => `${name}：${ways.join("，或 ")}`,
    entryIn: (entry, path) => `${path} 中的 "${entry}" 条目（用 \`opencode auth login\` 登录）`,
    lookedAt: "已查找：",
    pathState: (path, exists) => `${path}（${exists ? "存在" : "不存在"}）`,
    modelUse: (model, used) => `${model}（${used}）`,
    authFileName: "OpenCode 凭据",
    notConfigured: (name, places) => `${name}：未配置（已查找 ${places.join("、")}）`,
    lookedFor: ({ entry, exists, path }) => `${entry === null ? path : `${path} 中的 "${entry}" 条目`}${exists ? "" : "（文件不存在）"}`
  },
  issue: {
    at: (path, what) => (path === "" ? what : `${path}：${what}`),
    missing: "缺少此字段",
    unexpected: "不应出现在此处",
    invalid: "值无效",
    expected: (what) => `必须是${what}`,
    types: {
      string: "字符串",
      number: "数字",
      boolean: "布尔值（true 或 false）",
      object: "对象",
      list: "数组",
      null: "空值（null）"
    },
    or: "或",
    oneOf: (values) => `下列值之一（${values.join("、")}）`,
    secret: "必须是非空字符串，且首尾不能有空白或换行",
    login: "必须是 GitHub 用户名（只能包含字母、数字和连字符）",
    timestamp: "必须是数字（以毫秒计的 Unix 时间戳）",
    url: "必须是主机名或 https URL",
    separator: "；",
    more: (count) => `（另有 ${count} 处问题）`
  },
  cli: {
    argument: (problem, context) => {
      const what = (() => {
        switch (problem._tag) {
          case "UnknownOption":
            return `${problem.flag}：未知选项；可用的选项：${context.options.join("、")}`
          case "UnexpectedArgument":
            return problem.provider === undefined
              ? `'${problem.value}'：多余的参数；mystatus 只接受选项`
              : `'${problem.value}'：多余的参数；若只查询该平台，请用 --provider ${problem.provider}`
          case "MissingValue":
            return problem.flag === "--provider"
              ? `--provider：缺少取值，应为以下之一：${context.providers.join("、")}`
              : problem.flag === "--lang"
              ? `--lang：缺少取值，应为以下之一：${context.languages.join("、")}`
              : problem.flag === "--format"
              ? `--format：缺少取值，应为以下之一：${context.formats.join("、")}`
              : `${problem.flag}：缺少取值，应为 ${range(context, problem.flag)}`
          case "TakesNoValue":
            return `${problem.flag}：此选项不接受取值，却收到了 '${problem.value}'`
          case "NotAProvider":
            return `--provider：'${problem.value}' 不是可查询的平台；应为以下之一：${context.providers.join("、")}`
          case "NotANumber":
            return `${problem.flag}：'${problem.value}' 不是 ${range(context, problem.flag)}`
          case "OutOfRange":
            return `${problem.flag}：'${problem.value}' 超出范围；应为 ${range(context, problem.flag)}`
          case "NotAFormat":
            return `--format：'${problem.value}' 不是可用的格式；应为以下之一：${context.formats.join("、")}`
          case "Conflict":
            return `${problem.flag} 与 ${problem.other} 不能同时使用`
          case "NotALanguage":
            return `--lang：'${problem.value}' 不是支持的语言；应为以下之一：${context.languages.join("、")}`
        }
      })()
      return `mystatus：${what}（参见 mystatus --help）`
    },
    stopped: (seconds) => `mystatus：${seconds} 秒内未能生成报告，已停止。可用 --timeout 延长等待。`,
    internalError: (name) => `mystatus：内部错误（${name}）；请连同所运行的命令一起反馈。`,
    unknownProvider: (names, known) => `未知的平台：${names.join("、")}。可查询的平台：${known.join("、")}。`,
    cancelled: "mystatus 已取消。"
  },
  errors: {
    AuthFileUnreadable: (e, c) => {
      const problem = {
        isDirectory: "它是一个目录，而不是文件",
        notRegularFile: "它不是普通文件（而是 FIFO、套接字或设备）",
        permissionDenied: "权限不足",
        tooLarge: e.detail === undefined ? "文件过大" : `文件大于 ${zhCN.number(Number(e.detail))} 字节`,
        tooDeep: "其中的 JSON 嵌套过深",
        notJson: e.line === undefined || e.column === undefined
          ? "不是有效的 JSON"
          : `不是有效的 JSON（第 ${e.line} 行，第 ${e.column} 列）`,
        notObject: "顶层不是 JSON 对象",
        ioError: e.detail === undefined ? "读取出错" : `读取出错（${e.detail}）`
      }[e.problem]
      const recreate = c.recreate ?? "用 `opencode auth login` 重新登录即可重建该文件"
      const fix = e.problem === "permissionDenied"
        ? `请让当前用户可读该文件，例如 \`chmod u+r ${shellWord(e.path)}\`（若文件属于其他用户：\`sudo chown "$USER" ${
          shellWord(e.path)
        }\`）。`
        : e.problem === "isDirectory" || e.problem === "notRegularFile"
        ? `请删除它，并在原处重新放置 JSON 文件。${recreate}。`
        : e.problem === "ioError"
        ? `请检查该文件及其所在磁盘；若文件已损坏，${recreate}。`
        : `${recreate}。`
      return {
        message: `无法读取认证文件 ${e.path}：${problem}`,
        fix: c.recreate === null ? `${fix}其他凭据来源已照常检查。` : fix
      }
    },
    CredentialsInvalid: (e, c) => ({
      message: `${e.entry === undefined ? `${e.source} 中的` : `${e.source} 中 "${e.entry}" 条目的`}凭据无效：${c.problem}`,
      fix: e.entry !== undefined
        ? "请按上述提示修正；也可以用 `opencode auth login` 重新登录来重写该条目。"
        : c.recreate === null
        ? "请按上述提示修正。"
        : `请按上述提示修正，或${c.recreate}。`
    }),
    ConfigInvalid: (e) => ({
      message: `配置无效：${e.variable} 必须是 http(s) URL`,
      fix: "取消设置该环境变量即可使用默认地址，或将其设为完整的 http(s) URL。"
    }),
    TokenExpired: (e, c) => ({
      message: `${c.name} 的 OAuth 访问令牌已于 ${c.span(Math.max(0, (c.now - e.expiredAt) / 1000))}前过期`,
      fix: c.refresh ?? `请在 OpenCode 中使用一次 ${c.name} 模型以刷新令牌，然后重新运行 mystatus。`
    }),
    HttpError: (e, c) => ({
      message: `${c.name} API 请求失败（${c.status}）${(e.detail ?? e.code) === undefined ? "" : `：${e.detail ?? e.code}`}`,
      fix: {
        refused: `${c.name} 拒绝了登录凭据：请用 \`opencode auth login\` 重新授权。`,
        rateLimited: `请求过于频繁：请等待${e.retryAfterSeconds === undefined ? "几分钟" : c.span(e.retryAfterSeconds)}后重试。`,
        server: `${c.name} 暂时出现问题，请稍后重试。`,
        notFound: `未找到接口 ${e.endpoint}：请检查你设置的 MYSTATUS_*_URL 变量；若未设置过，可能是接口已迁移，请反馈此信息。`,
        other: "请重试；若问题持续，请附上此信息反馈。"
      }[c.kind]
    }),
    ApiError: (e) => ({
      message: `${e.service} API 请求失败 (${e.code})${e.detail === "" ? "" : `：${e.detail}`}`,
      fix: "请检查 API 密钥是否正确、Coding Plan 是否仍在有效期内；可用 `opencode auth login` 重新设置密钥。"
    }),
    DecodeError: (e, c) => ({
      message: `${c.name} 返回了无法识别的响应（${e.endpoint}）：${
        {
          shape: c.problem,
          noQuota: `响应中没有任何承载配额的字段（${c.problem}）`,
          notJson: "响应不是 JSON",
          empty: "响应为空",
          tooLarge: "响应大于 2 MiB",
          tooDeep: "响应的 JSON 嵌套过深"
        }[e.reason]
      }`,
      fix:
        "可能是 API 已变更、响应其实来自网络认证页面（captive portal）或代理，或 MYSTATUS_*_URL 变量指向了别处；其他平台不受影响。若问题持续，请反馈此信息。"
    }),
    NetworkError: (e, c) => ({
      message: `无法连接 ${c.name}（${e.endpoint}）：${e.cause}`,
      fix: c.kind === "tls"
        ? "服务器证书不受信任：可能有代理或防火墙在拦截连接。若是所在单位的代理，请将 NODE_EXTRA_CA_CERTS 指向其 CA 证书。"
        : e.proxy !== undefined
        ? `请检查 ${e.proxy} 中设置的代理（地址是否正确、是否在运行），或取消 ${e.proxy} 以直接连接。`
        : c.kind === "refused"
        ? "该地址拒绝了连接：请检查你设置的 MYSTATUS_*_URL 变量，或稍后重试。"
        : c.kind === "unreachable"
        ? `请检查网络连接。若处于防火墙之后，或所在地区无法访问 ${c.name}，请将 HTTPS_PROXY 设为你的代理（例如 HTTPS_PROXY=http://host:port）。`
        : "请检查网络连接，然后重试。"
    }),
    Timeout: (e, c) => ({
      message: `请求超时（${e.seconds}秒）`,
      fix: `${c.name} 未及时响应；请重试，或用 --timeout 延长等待。`
    })
  },
  doctor: {
    found: (path, variables) => variables.length === 0 ? `已找到：${path}` : `已找到：${path}（由 ${variables.join("、")} 决定）`,
    notUsed: (path, variables) =>
      variables.length === 0 ? `未找到：${path}（未使用）` : `未找到：${path}（由 ${variables.join("、")} 决定；未使用）`,
    validJson: "可读取，JSON 格式正确",
    accounts: (count) => `已配置 ${count} 个账号`,
    notConfigured: (names) => (names.length === 0 ? "未配置" : `未配置：${names.join("、")}`),
    ignored: (entry) => `mystatus 不读取 "${entry}" 条目（已忽略）`,
    expiresIn: (entry, span) => `"${entry}" 的访问令牌将在 ${span}后过期`,
    entry: (entry) => `读取 "${entry}" 条目`,
    override: (variable) => `已设置 ${variable}：查询将发往它指定的地址`,
    setting: (variable) => `已设置 ${variable}`,
    proxy: (variable, exempt) =>
      exempt.length === 0 ? `已启用代理：${variable}` : `已启用代理：${variable}（NO_PROXY 指定 ${exempt.join("、")} 不走代理）`,
    answered: "实时查询成功",
    nothingConfigured: {
      message: "未找到任何已配置的账号",
      fix: "请先在 OpenCode 中登录一个平台（opencode auth login），或添加其认证文件；参见 mystatus --help。"
    },
    summary: (problems, warnings, failing) =>
      problems === 0 && warnings === 0
        ? "未发现问题"
        : [problems === 0 ? "未发现问题" : `发现 ${problems} 个问题：${failing.join("、")}`, warnings === 0 ? null : `${warnings} 个警告`]
          .filter((part) => part !== null).join("；"),
    environment: "环境变量",
    suggest: "运行 mystatus doctor 逐项检查配置。"
  }
}
