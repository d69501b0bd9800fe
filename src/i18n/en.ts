import { type ArgContext, formatNumber, type Locale, moneyWith, shellWord } from "./Locale.js"

const sentence = (text: string) => `${text[0]!.toUpperCase()}${text.slice(1)}`

const number = (value: number, fractionDigits?: number) => formatNumber(value, ",", ".", fractionDigits)

const range = (context: ArgContext, flag: string) => {
  const r = context.ranges[flag]!
  return r.unit === "seconds" ? `a whole number of seconds from ${r.min} to ${r.max}` : `a whole percentage from ${r.min} to ${r.max}`
}

export const en: Locale = {
  number,
  money: moneyWith(number, (digits, code) =>
    code === "USD" ? `$${digits}` : code === "EUR" ? `€${digits}` : code === "GBP" ? `£${digits}` : `${digits} ${code}`),
  percent: (value) => `${Math.round(value)}%`,
  duration: ({ days, hours, minutes }) =>
    days > 0 ? `${days}d ${hours}h` : hours > 0 ? `${hours}h ${minutes}m` : `${minutes}m`,
  lessThanAMinute: "<1m",
  windowLength: (length) => {
    switch (length._tag) {
      case "Daily":
        return "Daily"
      case "Weekly":
        return "Weekly"
      case "Monthly":
        return "Monthly"
      case "Days":
        return `${length.count}-day`
      case "Hours":
        return `${length.count}-hour`
      case "Minutes":
        return `${length.count}-minute`
    }
  },
  unit: { tokens: "tokens", requests: "requests", calls: "calls", credits: "credits" },
  listSeparator: ", ",
  report: {
    usage: "Usage",
    left: (percent) => `${percent} left`,
    resetsIn: (span) => `Resets in ${span}`,
    resetDue: "Reset due",
    usedOf: (used, limit, unit) => (unit === null ? `${used} / ${limit} used` : `${used} / ${limit} ${unit} used`),
    highUsage: (label, percent) => `${label}: ${percent} used`,
    limitReached: "Limit reached: requests are being refused until the next reset",
    credits: (balance, unlimited) => (unlimited ? "Credits: unlimited" : `Credits balance: ${balance}`),
    unlimited: "Unlimited",
    overQuota: "Over quota",
    overage: (count, unit) => `Over quota: ${count} extra ${unit} this period`,
    topModels: (list) => `Top models: ${list}`,
    billingPeriod: (year, month) => `Billing period: ${year}-${String(month).padStart(2, "0")}`,
    usageBasedBilling: (name) => `Billed by usage (AI credits): ${name} reports no quota for this account`,
    extraUsage: (spent, limit) =>
      limit === null ? `Extra usage: ${spent} spent this month (no monthly limit)` : `Extra usage: ${spent} of ${limit} spent this month`,
    moneyLeft: (left, limit) => `${left} left of ${limit}`,
    moneyBalance: (amount) => `Credits left: ${amount}`,
    spentIn: { today: (amount) => `${amount} today`, week: (amount) => `${amount} this week`, month: (amount) => `${amount} this month` },
    moneySpent: (list) => `Spent: ${list}`,
    balanceHidden: (name) => `Credits left: not shown (${name} does not let this API key read the account's balance)`,
    noWindows: "No limits reported for this account",
    failedHeader: "Failed to query",
    failure: (who, message) => `${who}: ${message}`,
    paceRunsOut: (span, reset) => `at this rate runs out in ~${span}, before the reset in ${reset}`,
    onPace: (percent) => `on pace: about ${percent} used at the reset`,
    stale: (span) => `not asked again yet (it asked to wait): answer from ${span} ago`,
    watchFooter: (next, last) => `Next refresh at ${next} · last answer at ${last} · Ctrl-C to stop`,
    sidebarFailed: "failed: see /mystatus",
    toastLow: (name, window, left) => `${name} · ${window}: only ${left} left`,
    toastOut: (name, window, reset) => `${name} · ${window}: used up${reset === null ? "" : `; resets in ${reset}`}`,
    fixPrefix: "Fix: ",
    nothingConfigured: "No configured accounts found.",
    supportedAccounts: "mystatus reads the credentials your tools already store. Supported account types:",
    setup: (name, ways) => `${name}: ${ways.join(", or ")}`,
    entryIn: (entry, path) => `the "${entry}" entry in ${path} (log in with \`opencode auth login\`)`,
    lookedAt: "Looked at:",
    pathState: (path, exists) => `${path} (${exists ? "found" : "not found"})`,
    modelUse: (model, used) => `${model} (${used})`,
    authFileName: "OpenCode credentials",
    notConfigured: (name, places) => `${name}: not configured (looked for ${places.join(", ")})`,
    lookedFor: ({ entry, exists, path }) =>
      `${entry === null ? path : `the "${entry}" entry in ${path}`}${exists ? "" : " (no such file)"}`
  },
  issue: {
    at: (path, what) => (path === "" ? what : `${path}: ${what}`),
    missing: "is missing",
    unexpected: "is not expected here",
    invalid: "is not valid",
    expected: (what) => `expected ${what}`,
    types: { string: "a string", number: "a number", boolean: "true or false", object: "an object", list: "a list", null: "null" },
    or: " or ",
    oneOf: (values) => `one of ${values.join(", ")}`,
    secret: "must be a non-empty string without surrounding whitespace or newlines",
    login: "must be a GitHub login (letters, digits and hyphens)",
    timestamp: "must be a number (epoch milliseconds)",
    url: "must be a host name or an https URL",
    separator: "; ",
    more: (count) => ` (+${count} more)`
  },
  cli: {
    argument: (problem, context) => {
      const what = (() => {
        switch (problem._tag) {
          case "UnknownOption":
            return `${problem.flag}: unknown option; expected one of: ${context.options.join(", ")}`
          case "UnexpectedArgument":
            return problem.provider === undefined
              ? `'${problem.value}': unexpected argument; mystatus takes options only`
              : `'${problem.value}': unexpected argument; to ask only this provider, use --provider ${problem.provider}`
          case "MissingValue":
            return problem.flag === "--provider"
              ? `--provider: needs a value, one of: ${context.providers.join(", ")}`
              : problem.flag === "--lang"
              ? `--lang: needs a value, one of: ${context.languages.join(", ")}`
              : problem.flag === "--format"
              ? `--format: needs a value, one of: ${context.formats.join(", ")}`
              : `${problem.flag}: needs a value, ${range(context, problem.flag)}`
          case "TakesNoValue":
            return `${problem.flag}: takes no value, but was given '${problem.value}'`
          case "NotAProvider":
            return `--provider: '${problem.value}' is not a provider; expected one of: ${context.providers.join(", ")}`
          case "NotANumber":
            return `${problem.flag}: '${problem.value}' is not ${range(context, problem.flag)}`
          case "OutOfRange":
            return `${problem.flag}: '${problem.value}' is out of range; expected ${range(context, problem.flag)}`
          case "NotAFormat":
            return `--format: '${problem.value}' is not a format; expected one of: ${context.formats.join(", ")}`
          case "Conflict":
            return `${problem.flag} and ${problem.other} cannot be used together`
          case "NotALanguage":
            return `--lang: '${problem.value}' is not a language; expected one of: ${context.languages.join(", ")}`
        }
      })()
      return `mystatus: ${what} (see mystatus --help)`
    },
    stopped: (seconds) => `mystatus: no report after ${seconds} seconds; stopped. Allow longer with --timeout.`,
    internalError: (name) => `mystatus: internal error (${name}); please report it with the command you ran.`,
    unknownProvider: (names, known) => `Unknown provider: ${names.join(", ")}. Known providers: ${known.join(", ")}.`,
    cancelled: "mystatus was cancelled."
  },
  errors: {
    AuthFileUnreadable: (e, c) => {
      const problem = {
        isDirectory: "it is a directory, not a file",
        notRegularFile: "it is not a regular file (a FIFO, socket or device)",
        permissionDenied: "permission denied",
        tooLarge: e.detail === undefined ? "it is too large" : `it is larger than ${en.number(Number(e.detail))} bytes`,
        tooDeep: "its JSON is nested too deeply",
        notJson: e.line === undefined || e.column === undefined
          ? "not valid JSON"
          : `not valid JSON (line ${e.line}, column ${e.column})`,
        notObject: "the top level is not a JSON object",
        ioError: e.detail === undefined ? "read error" : `read error (${e.detail})`
      }[e.problem]
      const recreate = c.recreate ?? "log in again with `opencode auth login` to recreate it"
      const fix = e.problem === "permissionDenied"
        ? `Make it readable by your user, e.g. \`chmod u+r ${shellWord(e.path)}\` (if another user owns it: \`sudo chown "$USER" ${
          shellWord(e.path)
        }\`).`
        : e.problem === "isDirectory" || e.problem === "notRegularFile"
        ? `Remove it and put the JSON file in its place: ${recreate}.`
        : e.problem === "ioError"
        ? `Check the file and the disk it is on; if the file is damaged, ${recreate}.`
        : `${sentence(recreate)}.`
      return {
        message: `Unable to read authentication file ${e.path}: ${problem}`,
        fix: c.recreate === null ? `${fix} Other credential sources were still checked.` : fix
      }
    },
    CredentialsInvalid: (e, c) => ({
      message: `Invalid credentials in ${e.entry === undefined ? e.source : `the "${e.entry}" entry of ${e.source}`}: ${c.problem}`,
      fix: e.entry !== undefined
        ? "Correct it as the message says, or log in again with `opencode auth login`, which rewrites the entry."
        : c.recreate === null
        ? "Correct it as the message says."
        : `Correct it as the message says, or ${c.recreate}.`
    }),
    ConfigInvalid: (e) => ({
      message: `Invalid configuration: ${e.variable} must be an http(s) URL`,
      fix: "Unset the variable to use the default endpoint, or set a full http(s) URL."
    }),
    TokenExpired: (e, c) => ({
      message: `${c.name} access token expired ${c.span(Math.max(0, (c.now - e.expiredAt) / 1000))} ago`,
      fix: c.refresh ?? `Use an ${c.name} model once in OpenCode to refresh it, then run mystatus again.`
    }),
    HttpError: (e, c) => ({
      message: `${c.name} API request failed (${c.status})${(e.detail ?? e.code) === undefined ? "" : `: ${e.detail ?? e.code}`}`,
      fix: {
        refused: `Your ${c.name} login was refused: re-authorize with \`opencode auth login\`.`,
        rateLimited: `Rate limited: wait ${e.retryAfterSeconds === undefined ? "a few minutes" : c.span(e.retryAfterSeconds)} and try again.`,
        server: `${c.name} has a temporary problem; try again later.`,
        notFound:
          `The endpoint ${e.endpoint} was not found: check any MYSTATUS_*_URL variable you set. If you set none, the API may have moved: please report this message.`,
        other: "Try again; if it persists, report it with this message."
      }[c.kind]
    }),
    ApiError: (e) => ({
      message: `${e.service} API request failed (${e.code})${e.detail === "" ? "" : `: ${e.detail}`}`,
      fix: "Check the API key and that the coding plan is active; set the key again with `opencode auth login`."
    }),
    DecodeError: (e, c) => ({
      message: `Unexpected response from ${c.name} (${e.endpoint}): ${
        {
          shape: c.problem,
          noQuota: `none of the fields that carry the quota (${c.problem}) is in the answer`,
          notJson: "the answer is not JSON",
          empty: "the answer is empty",
          tooLarge: "the answer is larger than 2 MiB",
          tooDeep: "the answer's JSON is nested too deeply"
        }[e.reason]
      }`,
      fix:
        "The API may have changed, a captive portal or proxy answered instead, or a MYSTATUS_*_URL variable points elsewhere; the other providers are unaffected. If it persists, report this message."
    }),
    NetworkError: (e, c) => ({
      message: `Could not reach ${c.name} at ${e.endpoint}: ${e.cause}`,
      fix: c.kind === "tls"
        ? "The server's certificate was not trusted: a proxy or firewall may be intercepting the connection. If your organisation's does, point NODE_EXTRA_CA_CERTS at its CA certificate."
        : e.proxy !== undefined
        ? `Check the proxy in ${e.proxy} (its address, and that it is running), or unset ${e.proxy} to connect directly.`
        : c.kind === "refused"
        ? "Nothing accepted the connection at that address: check any MYSTATUS_*_URL variable you set, or try again later."
        : c.kind === "unreachable"
        ? `Check your network connection. Behind a firewall, or in a region where ${c.name} is blocked, set HTTPS_PROXY to your proxy (e.g. HTTPS_PROXY=http://host:port).`
        : "Check your network connection, then try again."
    }),
    Timeout: (e, c) => ({
      message: `Request timeout (${e.seconds}s)`,
      fix: `${c.name} did not answer in time; try again, or allow longer with --timeout.`
    })
  },
  doctor: {
    found: (path, variables) => variables.length === 0 ? `Found: ${path}` : `Found: ${path} (chosen by ${variables.join(", ")})`,
    notUsed: (path, variables) =>
      variables.length === 0 ? `Not found: ${path} (not used)` : `Not found: ${path} (chosen by ${variables.join(", ")}; not used)`,
    validJson: "Readable, valid JSON",
    accounts: (count) => (count === 1 ? "1 account configured" : `${count} accounts configured`),
    notConfigured: (names) => (names.length === 0 ? "Not configured" : `Not configured: ${names.join(", ")}`),
    ignored: (entry) => `Entry "${entry}" is not read by mystatus (ignored)`,
    expiresIn: (entry, span) => `"${entry}" token expires in ${span}`,
    entry: (entry) => `Reads the "${entry}" entry`,
    override: (variable) => `${variable} is set: queries go to its address`,
    setting: (variable) => `${variable} is set`,
    proxy: (variable, exempt) =>
      exempt.length === 0 ? `Proxy in effect: ${variable}` : `Proxy in effect: ${variable} (NO_PROXY exempts ${exempt.join(", ")})`,
    answered: "Live query answered",
    nothingConfigured: {
      message: "No configured accounts found",
      fix: "Log in to a platform in OpenCode (opencode auth login), or add its credential file; see mystatus --help."
    },
    summary: (problems, warnings, failing) =>
      problems === 0 && warnings === 0
        ? "No problems found"
        : [
          problems === 0
            ? "No problems"
            : `${problems === 1 ? "1 problem found" : `${problems} problems found`}: ${failing.join(", ")}`,
          warnings === 0 ? null : warnings === 1 ? "1 warning" : `${warnings} warnings`
        ].filter((part) => part !== null).join("; "),
    environment: "Environment",
    suggest: "Run mystatus doctor to check the setup step by step."
  }
}
