import { type ArgContext, formatNumber, type Locale, moneyWith, shellWord } from "./Locale.js"

// No `sentence` here: Korean has no capital letters. No particle (이/가, 을/를, 은/는) follows a placeholder: the
// sentences are built so that only invariant ones (의, 에, 에서, 까지) do, whatever the value ends with.
const number = (value: number, fractionDigits?: number) => formatNumber(value, ",", ".", fractionDigits)

const range = (context: ArgContext, flag: string) => {
  const r = context.ranges[flag]!
  return r.unit === "seconds"
    ? `${number(r.min)}부터 ${number(r.max)}까지의 정수(초 단위)`
    : `${number(r.min)}부터 ${number(r.max)}까지의 정수(퍼센트)`
}

export const ko: Locale = {
  number,
  money: moneyWith(number, (digits, code) =>
    code === "USD" ? `$${digits}` : code === "EUR" ? `€${digits}` : code === "KRW" ? `${digits}원` : `${digits} ${code}`),
  percent: (value) => `${Math.round(value)}%`,
  duration: ({ days, hours, minutes }) =>
    days > 0 ? `${days}일 ${hours}시간` : hours > 0 ? `${hours}시간 ${minutes}분` : `${minutes}분`,
  lessThanAMinute: "1분 미만",
  windowLength: (length) => {
    switch (length._tag) {
      case "Daily":
        return "일간"
      case "Weekly":
        return "주간"
      case "Monthly":
        return "월간"
      case "Days":
        return `${length.count}일`
      case "Hours":
        return `${length.count}시간`
      case "Minutes":
        return `${length.count}분`
    }
  },
  unit: { tokens: "토큰", requests: "요청", calls: "호출", credits: "크레딧" },
  listSeparator: ", ",
  report: {
    usage: "사용량",
    left: (percent) => `${percent} 남음`,
    resetsIn: (span) => `${span} 후 초기화`,
    resetDue: "곧 초기화",
    usedOf: (used, limit, unit) => (unit === null ? `${used} / ${limit} 사용` : `${used} / ${limit} ${unit} 사용`),
    highUsage: (label, percent) => `${label}: ${percent} 사용`,
    limitReached: "한도 도달: 다음 초기화 전까지 요청이 거부됩니다",
    credits: (balance, unlimited) => (unlimited ? "크레딧: 무제한" : `크레딧 잔액: ${balance}`),
    unlimited: "무제한",
    overQuota: "할당량 초과",
    overage: (count, unit) => `할당량 초과: 이번 기간에 ${count} ${unit} 추가 사용`,
    topModels: (list) => `사용량 상위 모델: ${list}`,
    billingPeriod: (year, month) => `청구 기간: ${year}-${String(month).padStart(2, "0")}`,
    usageBasedBilling: (name) => `사용량 기반 과금 (AI credits): 이 계정에는 ${name} 할당량 정보가 제공되지 않습니다`,
    extraUsage: (spent, limit) => (limit === null ? `추가 사용량: 이번 달 ${spent} 사용 (월 한도 없음)` : `추가 사용량: 이번 달 ${spent} 사용 (한도 ${limit})`),
    moneyLeft: (left, limit) => `${limit} 중 ${left} 남음`,
    moneyBalance: (amount) => `남은 크레딧: ${amount}`,
    spentIn: { today: (amount) => `오늘 ${amount}`, week: (amount) => `이번 주 ${amount}`, month: (amount) => `이번 달 ${amount}` },
    moneySpent: (list) => `사용 금액: ${list}`,
    balanceHidden: (name) => `남은 크레딧: 표시할 수 없음 (이 API 키로는 ${name} 계정 잔액을 조회할 수 없음)`,
    noWindows: "이 계정에 보고된 한도가 없습니다",
    failedHeader: "조회 실패",
    failure: (who, message) => `${who}: ${message}`,
    paceRunsOut: (span, reset) => `현재 속도라면 약 ${span} 후 소진 (초기화는 ${reset} 후)`,
    onPace: (percent) => `사용 속도 양호, 초기화 시점까지 약 ${percent} 사용 예상`,
    stale: (span) => `플랫폼이 대기를 요청해 아직 다시 조회하지 않음: ${span} 전 결과`,
    watchFooter: (next, last) => `다음 새로 고침 ${next} · 마지막 응답 ${last} · Ctrl-C로 종료`,
    sidebarFailed: "조회 실패: /mystatus 참고",
    toastLow: (name, window, left) => `${name} · ${window}: ${left}만 남음`,
    toastOut: (name, window, reset) => `${name} · ${window}: 할당량 소진${reset === null ? "" : ` (${reset} 후 초기화)`}`,
    fixPrefix: "해결 방법: ",
    nothingConfigured: "구성된 계정을 찾을 수 없습니다.",
    supportedAccounts: "mystatus는 각 도구에 이미 저장된 인증 정보를 읽습니다. 지원되는 계정 유형:",
    setup: (name, ways) => `${name}: ${ways.join(" 또는 ")}`,
    entryIn: (entry, path) => `${path}의 "${entry}" 항목 (\`opencode auth login\`으로 로그인)`,
    lookedAt: "확인한 위치:",
    pathState: (path, exists) => `${path} (${exists ? "있음" : "없음"})`,
    modelUse: (model, used) => `${model} (${used})`,
    authFileName: "OpenCode 인증 파일",
    notConfigured: (name, places) => `${name}: 구성되지 않음 (확인한 위치: ${places.join(", ")})`,
    lookedFor: ({ entry, exists, path }) =>
      `${entry === null ? path : `${path}의 "${entry}" 항목`}${exists ? "" : " (파일 없음)"}`
  },
  issue: {
    at: (path, what) => (path === "" ? what : `${path}: ${what}`),
    missing: "필드가 없습니다",
    unexpected: "허용되지 않는 필드입니다",
    invalid: "값이 유효하지 않습니다",
    expected: (what) => `${what} 값이어야 합니다`,
    types: { string: "문자열", number: "숫자", boolean: "true 또는 false", object: "객체", list: "배열", null: "null" },
    or: " 또는 ",
    oneOf: (values) => `${values.join(", ")} 중 하나의`,
    secret: "앞뒤에 공백이나 줄바꿈이 없는 비어 있지 않은 문자열이어야 합니다",
    login: "GitHub 사용자 이름(영문자, 숫자, 하이픈만 사용)이어야 합니다",
    timestamp: "숫자(밀리초 단위 Unix 타임스탬프)여야 합니다",
    url: "호스트 이름 또는 https URL이어야 합니다",
    separator: "; ",
    more: (count) => ` (외 ${count}건)`
  },
  cli: {
    argument: (problem, context) => {
      const what = (() => {
        switch (problem._tag) {
          case "UnknownOption":
            return `${problem.flag}: 알 수 없는 옵션입니다. 사용 가능한 옵션: ${context.options.join(", ")}`
          case "UnexpectedArgument":
            return problem.provider === undefined
              ? `'${problem.value}': 예상하지 못한 인수입니다. mystatus는 옵션만 받습니다`
              : `'${problem.value}': 예상하지 못한 인수입니다. 이 플랫폼만 조회하려면 다음을 사용하세요: --provider ${problem.provider}`
          case "MissingValue":
            return problem.flag === "--provider"
              ? `--provider: 값이 필요합니다. 다음 중 하나: ${context.providers.join(", ")}`
              : problem.flag === "--lang"
              ? `--lang: 값이 필요합니다. 다음 중 하나: ${context.languages.join(", ")}`
              : problem.flag === "--format"
              ? `--format: 값이 필요합니다. 다음 중 하나: ${context.formats.join(", ")}`
              : `${problem.flag}: 값이 필요합니다. ${range(context, problem.flag)}여야 합니다`
          case "TakesNoValue":
            return `${problem.flag}: 값을 받지 않는 옵션인데 '${problem.value}' 값이 주어졌습니다`
          case "NotAProvider":
            return `--provider: 알 수 없는 플랫폼 '${problem.value}'. 다음 중 하나여야 합니다: ${context.providers.join(", ")}`
          case "NotANumber":
            return `${problem.flag}: '${problem.value}' 값이 올바르지 않습니다. ${range(context, problem.flag)}여야 합니다`
          case "OutOfRange":
            return `${problem.flag}: '${problem.value}' 값이 범위를 벗어났습니다. ${range(context, problem.flag)}여야 합니다`
          case "NotAFormat":
            return `--format: 알 수 없는 형식 '${problem.value}'. 다음 중 하나여야 합니다: ${context.formats.join(", ")}`
          case "Conflict":
            return `${problem.flag} 옵션과 ${problem.other} 옵션은 함께 사용할 수 없습니다`
          case "NotALanguage":
            return `--lang: 지원하지 않는 언어 '${problem.value}'. 다음 중 하나여야 합니다: ${context.languages.join(", ")}`
        }
      })()
      return `mystatus: ${what} (mystatus --help 참고)`
    },
    stopped: (seconds) => `mystatus: ${seconds}초 안에 결과가 나오지 않아 중지했습니다. --timeout으로 대기 시간을 늘릴 수 있습니다.`,
    internalError: (name) => `mystatus: 내부 오류 (${name}). 실행한 명령과 함께 제보해 주세요.`,
    unknownProvider: (names, known) => `알 수 없는 플랫폼: ${names.join(", ")}. 사용 가능한 플랫폼: ${known.join(", ")}.`,
    cancelled: "mystatus가 취소되었습니다."
  },
  errors: {
    AuthFileUnreadable: (e, c) => {
      const problem = {
        isDirectory: "파일이 아니라 디렉터리입니다",
        notRegularFile: "일반 파일이 아닙니다 (FIFO, 소켓 또는 장치)",
        permissionDenied: "권한이 거부되었습니다",
        tooLarge: e.detail === undefined ? "파일이 너무 큽니다" : `파일 크기가 ${ko.number(Number(e.detail))}바이트를 넘습니다`,
        tooDeep: "JSON 중첩이 너무 깊습니다",
        notJson: e.line === undefined || e.column === undefined
          ? "유효한 JSON이 아닙니다"
          : `유효한 JSON이 아닙니다 (${e.line}행 ${e.column}열)`,
        notObject: "최상위 값이 JSON 객체가 아닙니다",
        ioError: e.detail === undefined ? "읽기 오류" : `읽기 오류 (${e.detail})`
      }[e.problem]
      const recreate = c.recreate ?? "`opencode auth login`으로 다시 로그인해 파일을 다시 만드세요"
      const fix = e.problem === "permissionDenied"
        ? `현재 사용자가 읽을 수 있도록 권한을 바꾸세요. 예: \`chmod u+r ${shellWord(e.path)}\` (다른 사용자 소유라면 \`sudo chown "$USER" ${
          shellWord(e.path)
        }\`).`
        : e.problem === "isDirectory" || e.problem === "notRegularFile"
        ? `해당 경로의 항목을 삭제한 뒤 ${recreate}.`
        : e.problem === "ioError"
        ? `파일과 파일이 있는 디스크를 확인하세요. 파일이 손상되었다면 ${recreate}.`
        : `${recreate}.`
      return {
        message: `인증 파일을 읽을 수 없습니다: ${e.path} — ${problem}`,
        fix: c.recreate === null ? `${fix} 나머지 인증 정보는 이와 별개로 확인했습니다.` : fix
      }
    },
    CredentialsInvalid: (e, c) => ({
      message: `${e.entry === undefined ? e.source : `${e.source}의 "${e.entry}" 항목`}에 있는 인증 정보가 유효하지 않습니다: ${c.problem}`,
      fix: e.entry !== undefined
        ? "메시지에 안내된 대로 수정하세요. `opencode auth login`으로 다시 로그인해도 항목이 새로 기록됩니다."
        : c.recreate === null
        ? "메시지에 안내된 대로 수정하세요."
        : `메시지에 안내된 대로 수정하세요. 또는 ${c.recreate}.`
    }),
    ConfigInvalid: (e) => ({
      message: `구성이 유효하지 않습니다: ${e.variable} 값은 http(s) URL이어야 합니다`,
      fix: "기본 엔드포인트를 사용하려면 이 환경 변수의 설정을 해제하고, 그렇지 않으면 완전한 http(s) URL로 설정하세요."
    }),
    TokenExpired: (e, c) => ({
      message: `${c.name} 액세스 토큰이 ${c.span(Math.max(0, (c.now - e.expiredAt) / 1000))} 전에 만료되었습니다`,
      fix: c.refresh ?? `OpenCode에서 ${c.name} 모델을 한 번 사용하여 토큰을 새로 고친 다음 mystatus를 다시 실행하세요.`
    }),
    HttpError: (e, c) => ({
      message: `${c.name} API 요청 실패 (${c.status})${(e.detail ?? e.code) === undefined ? "" : `: ${e.detail ?? e.code}`}`,
      fix: {
        refused: `${c.name}에서 로그인을 거부했습니다. \`opencode auth login\`으로 다시 인증하세요.`,
        rateLimited: `요청이 너무 많습니다. ${e.retryAfterSeconds === undefined ? "몇 분" : c.span(e.retryAfterSeconds)} 기다린 후 다시 시도하세요.`,
        server: `${c.name} 서버에 일시적인 문제가 있습니다. 나중에 다시 시도하세요.`,
        notFound:
          `엔드포인트를 찾을 수 없습니다: ${e.endpoint}. 직접 설정한 MYSTATUS_*_URL 변수가 있다면 확인하세요. 설정한 적이 없다면 API가 옮겨졌을 수 있으니 이 메시지와 함께 제보해 주세요.`,
        other: "다시 시도하세요. 문제가 계속되면 이 메시지와 함께 제보해 주세요."
      }[c.kind]
    }),
    ApiError: (e) => ({
      message: `${e.service} API 요청 실패 (${e.code})${e.detail === "" ? "" : `: ${e.detail}`}`,
      fix: "API 키가 올바른지, Coding Plan이 활성 상태인지 확인하세요. API 키는 `opencode auth login`으로 다시 설정할 수 있습니다."
    }),
    DecodeError: (e, c) => ({
      message: `${c.name}에서 예상하지 못한 응답을 받았습니다 (${e.endpoint}): ${
        {
          shape: c.problem,
          noQuota: `응답에 할당량을 담는 필드가 하나도 없습니다 (${c.problem})`,
          notJson: "응답이 JSON이 아닙니다",
          empty: "응답이 비어 있습니다",
          tooLarge: "응답이 2 MiB보다 큽니다",
          tooDeep: "응답 JSON의 중첩이 너무 깊습니다"
        }[e.reason]
      }`,
      fix:
        "API가 바뀌었거나, 캡티브 포털이나 프록시가 대신 응답했거나, MYSTATUS_*_URL 변수가 다른 곳을 가리키고 있을 수 있습니다. 다른 플랫폼에는 영향이 없습니다. 문제가 계속되면 이 메시지와 함께 제보해 주세요."
    }),
    NetworkError: (e, c) => ({
      message: `${c.name}에 연결할 수 없습니다 (${e.endpoint}): ${e.cause}`,
      fix: c.kind === "tls"
        ? "서버 인증서를 신뢰할 수 없습니다. 프록시나 방화벽이 연결을 가로채고 있을 수 있습니다. 조직의 프록시라면 NODE_EXTRA_CA_CERTS에 해당 CA 인증서의 경로를 지정하세요."
        : e.proxy !== undefined
        ? `${e.proxy}에 설정된 프록시의 주소가 올바른지, 프록시가 실행 중인지 확인하세요. 직접 연결하려면 ${e.proxy} 설정을 해제하세요.`
        : c.kind === "refused"
        ? "해당 주소에서 연결을 받는 서버가 없습니다. 직접 설정한 MYSTATUS_*_URL 변수가 있다면 확인하거나, 나중에 다시 시도하세요."
        : c.kind === "unreachable"
        ? `네트워크 연결을 확인하세요. 방화벽 뒤에 있거나 ${c.name} 접속이 차단된 지역이라면 HTTPS_PROXY에 프록시를 지정하세요 (예: HTTPS_PROXY=http://host:port).`
        : "네트워크 연결을 확인한 뒤 다시 시도하세요."
    }),
    Timeout: (e, c) => ({
      message: `요청 시간 초과 (${e.seconds}초)`,
      fix: `${c.name}의 응답이 제시간에 오지 않았습니다. 다시 시도하거나 --timeout으로 대기 시간을 늘리세요.`
    })
  },
  doctor: {
    found: (path, variables) =>
      variables.length === 0 ? `찾음: ${path}` : `찾음: ${path} (${variables.join(", ")} 설정에 따른 위치)`,
    notUsed: (path, variables) =>
      variables.length === 0
        ? `없음: ${path} (사용하지 않음)`
        : `없음: ${path} (${variables.join(", ")} 설정에 따른 위치; 사용하지 않음)`,
    validJson: "읽기 가능, 유효한 JSON",
    accounts: (count) => `계정 ${count}개 구성됨`,
    notConfigured: (names) => (names.length === 0 ? "구성되지 않음" : `구성되지 않은 플랫폼: ${names.join(", ")}`),
    ignored: (entry) => `"${entry}" 항목은 mystatus가 읽지 않습니다 (무시됨)`,
    expiresIn: (entry, span) => `"${entry}" 토큰이 ${span} 후 만료됩니다`,
    entry: (entry) => `"${entry}" 항목을 읽음`,
    override: (variable) => `${variable} 설정됨: 요청을 이 변수에 지정된 주소로 보냅니다`,
    setting: (variable) => `${variable} 설정됨`,
    proxy: (variable, exempt) =>
      exempt.length === 0 ? `프록시 사용 중: ${variable}` : `프록시 사용 중: ${variable} (NO_PROXY로 제외된 호스트: ${exempt.join(", ")})`,
    answered: "할당량 조회 성공",
    nothingConfigured: {
      message: "구성된 계정을 찾을 수 없습니다",
      fix: "OpenCode에서 플랫폼에 로그인(opencode auth login)하거나 해당 플랫폼의 구성 파일을 추가하세요 (mystatus --help 참고)."
    },
    summary: (problems, warnings, failing) =>
      problems === 0 && warnings === 0
        ? "문제 없음"
        : [problems === 0 ? "문제 없음" : `문제 ${problems}개 발견: ${failing.join(", ")}`, warnings === 0 ? null : `경고 ${warnings}개`]
          .filter((part) => part !== null).join("; "),
    environment: "환경 변수",
    suggest: "mystatus doctor를 실행해 설정을 단계별로 점검하세요."
  }
}
