import type { Plugin, PluginModule, ToolContext } from "@opencode-ai/plugin"
import { z } from "zod"

/**
 * The OpenCode face. OpenCode imports every plugin at start-up, so this module stays tiny: the program (Effect,
 * the providers) is imported on the first call. Its only export is the `{ id, server }` OpenCode requires; any
 * other export would make OpenCode reject the module. `@opencode-ai/plugin` is used for its types only (its
 * `tool()` is the identity and `tool.schema` is zod), so the bundle needs nothing from the host but zod's API.
 */
const args = {
  provider: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .describe(
      "Only these platforms, as the user names them (an id, a name or an alias, e.g. \"copilot\", \"codex\"); a name " +
        "the tool does not know is answered with the known ones. Omit for all."
    ),
  lang: z
    .string()
    .optional()
    .describe("Language of the report, as a tag such as \"fr\" or \"zh-TW\". Omit to use the user's locale.")
}

const COMMAND_TEMPLATE =
  "Call the mystatus tool to show my AI subscription quotas and repeat its report exactly as it is. " +
  "If I named platforms here, pass them as `provider`: $ARGUMENTS"

/**
 * How long after OpenCode loaded the plugin the program is loaded and warmed in the background, unless an event of
 * OpenCode's says it is up sooner: late enough to leave OpenCode's own start alone, early enough to be done before
 * anyone types `/mystatus`. The timer does not hold the event loop.
 */
const WARM_AFTER_MS = 2000

const server: Plugin = async () => {
  let quota: Promise<ReturnType<typeof import("./quota.js").makeQuota>> | undefined
  const load = () => (quota ??= import("./quota.js").then((module) => module.makeQuota()))
  // The first /mystatus is then a warm call. Loading is shared: a call during warming waits for the same import.
  let warming: Promise<unknown> | undefined
  const warm = () => (warming ??= load().then((loaded) => loaded.warm()).catch(() => undefined))
  const timer = setTimeout(warm, WARM_AFTER_MS)
  timer.unref?.()

  return {
    // Installing the plugin is enough for /mystatus: the command is registered here.
    config: async (config) => {
      config.command ??= {}
      config.command["mystatus"] ??= {
        description: "Show how much AI-subscription quota is left and when it resets",
        template: COMMAND_TEMPLATE
      }
    },
    tool: {
      mystatus: {
        // No list of platforms here: it is the registry's, and this entry must not load it (OpenCode imports every
        // plugin at start-up). The tool answers an unknown name with the known ones.
        description: "Show how much quota is left on the user's AI coding subscriptions (every platform whose " +
          "credentials are on this machine: ChatGPT/Codex, GitHub Copilot, coding plans, ...), and when each limit " +
          "resets. Use it whenever the user asks to check their quota, usage, limits, remaining requests or AI account " +
          "status (\"check my quota\", \"how much Codex do I have left\", \"show my AI account status\"). Pass `provider` " +
          "to ask only some platforms (\"check my Copilot quota\"); pass `provider` \"doctor\" to check the setup step by " +
          "step when something fails (\"why does mystatus fail\"; [\"doctor\", \"offline\"] to skip the live queries). Show the report to the user as it is.",
        args,
        async execute(input: z.infer<z.ZodObject<typeof args>>, context: ToolContext) {
          const requested = (input.provider === undefined ? [] : [input.provider].flat())
            .flatMap((name) => name.split(","))
            .map((name) => name.trim())
            .filter((name) => name !== "")
          // Every failure is part of the answer: a thrown error would reach the model as a bare message.
          try {
            return await (await load()).report(requested, input.lang, context.abort)
          } catch (error) {
            // A bug: only the error's kind, in English (its message could quote anything; the words are not loaded).
            return `mystatus failed unexpectedly (${error instanceof Error ? error.name : typeof error}).`
          }
        }
      }
    },
    // Any event means OpenCode's server is up and serving.
    event: async () => {
      clearTimeout(timer)
      void warm()
    },
    dispose: async () => {
      clearTimeout(timer)
      if (quota !== undefined) await (await quota).dispose()
    }
  }
}

export default { id: "mystatus", server } satisfies PluginModule
