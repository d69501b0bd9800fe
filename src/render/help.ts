import { LANGS } from "../i18n/index.js"

/** What `mystatus --help` states about this installation: the providers and where their credentials are read. */
export interface HelpFacts {
  readonly version: string
  readonly providers: ReadonlyArray<{
    readonly id: string
    readonly aliases: ReadonlyArray<string>
    readonly variables: ReadonlyArray<string>
  }>
  /** Each credential file as resolved from this environment, with the providers that read it. */
  readonly files: ReadonlyArray<{ readonly path: string; readonly ids: ReadonlyArray<string> }>
  readonly defaultTimeoutSeconds: number
  readonly maxTimeoutSeconds: number
}

/**
 * `mystatus --help`, in English only: it is reference text about flags, variables and paths, which read the same in
 * every language; the report and every error are translated.
 */
export const helpText = (facts: HelpFacts): string => {
  const ids = facts.providers.map((p) => p.id).join(", ")
  const aliases = facts.providers.flatMap((p) => p.aliases).filter((alias) => ["codex", "gemini"].includes(alias))
  const table = (rows: ReadonlyArray<readonly [string, string]>) => {
    const width = Math.max(...rows.map(([left]) => left.length)) + 2
    return rows.map(([left, right]) => `  ${left.padEnd(width)}${right}`.trimEnd())
  }
  const pathWidth = Math.max(...facts.files.map((file) => file.path.length))
  return [
    `mystatus ${facts.version}: how much AI-subscription quota is left, per provider, and when it resets.`,
    "",
    "Usage:",
    "  mystatus [--format text|json|line] [--provider NAME[,NAME...]]... [--timeout SECONDS] [--lang " + LANGS.join("|") +
      "] [--no-color]",
    "           [--warn-at PERCENT_USED] [--fail-under PERCENT_LEFT] [--watch [SECONDS]] [--max-age SECONDS] [--fresh]",
    "           [--no-history]",
    "  mystatus doctor [--offline] [--json] [--timeout SECONDS] [--lang " + LANGS.join("|") + "] [--no-color]",
    "  mystatus --help | --version",
    "",
    "Options:",
    ...table([
      ["--format text|json|line", "text (default); json: the report as JSON (contract version 1); line: one short line"],
      ["", "for a status bar, each platform's tightest window as percent left (e.g. tmux, starship)."],
      ["--json", "The same as --format json."],
      ["--provider NAME", "Ask only this provider; repeat the option or give a comma list for several."],
      ["", `NAME: ${ids},`],
      ["", `or a provider's display name or alias${aliases.length > 0 ? ` (e.g. ${aliases.join(", ")})` : ""}.`],
      ["", "Default: every configured provider."],
      ["--timeout SECONDS", `How long each account may take, 1 to ${facts.maxTimeoutSeconds}. Default: ${facts.defaultTimeoutSeconds}.`],
      [`--lang ${LANGS.join("|")}`, "Language of the report. Default: from LC_ALL, LC_MESSAGES or LANG, else the system's."],
      ["--no-color", "Never colour. Default: colour only when stdout is a terminal and NO_COLOR is empty."],
      ["--warn-at PERCENT_USED", "Warn about a window from this share used, 1 to 100. Default: 80."],
      ["--fail-under PERCENT_LEFT", "Exit 3 when a window has less than this share left, 0 to 100."],
      ["--watch [SECONDS]", "Ask again every SECONDS (30 to 86400; default 60) until Ctrl-C. On a terminal the report is"],
      ["", "redrawn in place; a platform that answered 429 is not asked before its Retry-After."],
      ["--max-age SECONDS", "Reuse an answer cached less than SECONDS ago (0 to 86400). Default: 60 with --format line,"],
      ["", "else 0. The cache is in $XDG_CACHE_HOME/mystatus (default ~/.cache/mystatus)."],
      ["--fresh", "Ask now, whatever the cache holds."],
      ["--no-history", "Do not record this run in $XDG_STATE_HOME/mystatus/history.jsonl (default"],
      ["", "~/.local/state/mystatus), which pace (\"at this rate runs out in ~2h\") is computed from."],
      ["--offline", "doctor only: check files and the environment, without the live queries."],
      ["-h, --help", "Show this help."],
      ["--version", "Print the version."]
    ]),
    "",
    "Exit status:",
    ...table([
      ["0", "every provider asked answered"],
      ["1", "a provider failed (the report is still printed)"],
      ["2", "nothing is configured, or the arguments are bad"],
      ["3", "--fail-under: a window has less left than asked (1 wins when a provider also failed)"],
      ["130", "interrupted (SIGINT, Ctrl-C): nothing is printed"],
      ["143", "terminated (SIGTERM): nothing is printed"]
    ]),
    "",
    "Credentials (only read, never written), here:",
    ...facts.files.map((file) => `  ${file.path.padEnd(pathWidth)}  ${file.ids.join(", ")}`),
    "  auth.json is OpenCode's, in $XDG_DATA_HOME/opencode (default ~/.local/share/opencode). .credentials.json is",
    "  Claude Code's, in $CLAUDE_CONFIG_DIR (default ~/.claude; on macOS its login is also looked for in the Keychain).",
    "  The other files are in OpenCode's config dir: $OPENCODE_CONFIG_DIR, else $XDG_CONFIG_HOME/opencode, else",
    "  ~/.config/opencode.",
    "",
    "Environment:",
    ...table([
      ["LC_ALL, LC_MESSAGES, LANG", "the language, when --lang is not given"],
      ["NO_COLOR", "any non-empty value turns colour off"],
      ["HOME, XDG_DATA_HOME", "where auth.json is"],
      ["OPENCODE_CONFIG_DIR, XDG_CONFIG_HOME", "where the other credential files are"],
      ["CLAUDE_CONFIG_DIR", "where Claude Code's credentials are"],
      ["HTTPS_PROXY, HTTP_PROXY, NO_PROXY", "the proxy for requests (lower-case names too)"],
      ...facts.providers.flatMap((p) => p.variables).map((variable, i): readonly [string, string] => [
        variable,
        i === 0 ? "endpoints and clients used instead of the providers' own" : i === 1 ? "(a mirror, a test server)" : ""
      ])
    ]),
    "",
    "Examples:",
    "  mystatus                              every configured provider",
    "  mystatus --provider copilot,google    only these two",
    "  mystatus doctor                       check the setup step by step when something fails (exit 1 on a ✗)",
    "  mystatus --json --timeout 30 | jq '.providers[] | select(.status == \"error\") | .error.message'",
    ""
  ].join("\n")
}
