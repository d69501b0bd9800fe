/**
 * The OpenCode TUI face: quota in the session sidebar (`sidebar_content`) and a toast when a window runs low.
 * Registered in OpenCode's `tui.json` (a module may not be both a server and a TUI plugin; the server plugin is the
 * package's `.` / `./server` export, this one `./tui`).
 *
 * Like the server plugin's entry, this module stays tiny: the program (Effect, the providers) is imported in the
 * background once OpenCode is up, and everything it shows is computed there (src/tui/model.ts, src/tui/sidebar.ts).
 * `@opentui/solid` and `solid-js` are OpenCode's own, mapped to its bundled copies when it loads the plugin.
 *
 * Options (tui.json: `["mystatus", { ... }]`):
 * - `enabled` (default true): false draws nothing and loads nothing;
 * - `providers`: only these platforms (ids, names or aliases, as `--provider` takes them);
 * - `warnAt` (default 80): used percent from which a window is red and toasted;
 * - `lang`: the language, else the environment's.
 *
 * Refreshes: 2 s after OpenCode starts, then when a session goes idle after a response, never more often than once
 * a minute (the answer is cached, shared with `mystatus --format line`, and a platform's 429 Retry-After is honoured);
 * with nothing configured, at most every 10 minutes. `MYSTATUS_TUI_MIN_REFRESH_SECONDS` lowers the one-minute floor:
 * it exists for tests, which cannot wait a minute between two answers.
 */
import type { TuiPlugin, TuiPluginApi, TuiPluginModule } from "@opencode-ai/plugin/tui"
import { createElement, createTextNode, insert, insertNode, setProp } from "@opentui/solid"
import { createSignal } from "solid-js"
import type { SidebarLine } from "./sidebar.js"

const FIRST_REFRESH_MS = 2000
const REFRESH_SECONDS = 60
const UNCONFIGURED_REFRESH_SECONDS = 600
const TOAST_MS = 8000
const KV_PREFIX = "mystatus.toast."

interface Settings {
  readonly enabled: boolean
  readonly providers: ReadonlyArray<string>
  readonly warnAt: number
  readonly lang: string | undefined
}

/** tui.json's options, leniently: a value of the wrong kind is its default. */
const settingsOf = (options: Readonly<Record<string, unknown>> | undefined): Settings => {
  const providers = options?.providers
  const warnAt = options?.warnAt
  return {
    enabled: options?.enabled !== false,
    providers: typeof providers === "string"
      ? [providers]
      : Array.isArray(providers)
      ? providers.filter((name): name is string => typeof name === "string")
      : [],
    warnAt: typeof warnAt === "number" && warnAt >= 1 && warnAt <= 100 ? warnAt : 80,
    lang: typeof options?.lang === "string" ? options.lang : undefined
  }
}

const minRefreshSeconds = () => {
  const forced = process.env.MYSTATUS_TUI_MIN_REFRESH_SECONDS?.trim() ?? ""
  return /^\d+$/.test(forced) ? Number(forced) : REFRESH_SECONDS
}

const tui: TuiPlugin = async (api: TuiPluginApi, options) => {
  const settings = settingsOf(options as Readonly<Record<string, unknown>> | undefined)
  if (!settings.enabled) return

  const [lines, setLines] = createSignal<ReadonlyArray<SidebarLine>>([])
  let model: Promise<ReturnType<typeof import("./model.js").makeSidebarModel>> | undefined
  const load = () => (model ??= import("./model.js").then((module) => module.makeSidebarModel()))
  let last = -Infinity
  let running = false
  let configured = true

  const refresh = async () => {
    const floor = configured ? minRefreshSeconds() : Math.max(minRefreshSeconds(), UNCONFIGURED_REFRESH_SECONDS)
    if (running || Date.now() - last < floor * 1000) return
    running = true
    last = Date.now()
    try {
      const snapshot = await (await load()).refresh({
        ...settings,
        maxAgeSeconds: minRefreshSeconds(),
        // Kept as { period }: OpenCode's kv gives a stored null back as absent.
        shownFor: (key) => api.kv.get<{ readonly period: number | null } | undefined>(`${KV_PREFIX}${key}`, undefined)?.period
      })
      configured = snapshot.configured
      setLines(snapshot.lines)
      // One toast for all that are due: OpenCode shows one at a time, and a second replaces the first.
      if (snapshot.toasts.length > 0) {
        api.ui.toast({
          variant: snapshot.toasts.some((toast) => toast.variant === "error") ? "error" : "warning",
          title: "mystatus",
          message: snapshot.toasts.map((toast) => toast.message).join("\n"),
          duration: TOAST_MS
        })
      }
      for (const toast of snapshot.toasts) api.kv.set(`${KV_PREFIX}${toast.key}`, { period: toast.period })
    } catch {
      // The sidebar keeps what it showed; `/mystatus` and `mystatus doctor` say what is wrong.
    } finally {
      running = false
    }
  }

  const text = (line: SidebarLine) => {
    const element = createElement("text")
    insertNode(element, createTextNode(line.text))
    const theme = api.theme.current as unknown as Readonly<Record<string, unknown>>
    setProp(element, "fg", theme[line.tone === "error" ? "error" : line.tone === "warn" ? "warning" : "textMuted"])
    return element
  }

  api.slots.register({
    order: 60,
    slots: {
      sidebar_content() {
        const box = createElement("box")
        setProp(box, "flexShrink", 0)
        insert(box, () => lines().map(text))
        return box as never
      }
    }
  } as never)

  const stop = api.event.on("session.idle", () => void refresh())
  const timer = setTimeout(() => void refresh(), FIRST_REFRESH_MS)
  ;(timer as { unref?: () => void }).unref?.()
  api.lifecycle.onDispose(async () => {
    clearTimeout(timer)
    stop()
    if (model !== undefined) await (await model).dispose()
  })
}

export default { id: "mystatus", tui } satisfies TuiPluginModule
