import { Path } from "@effect/platform"
import { Config, Effect, Option } from "effect"
import { homedir } from "node:os"

/** The user's home: `HOME` when set (tests and sandboxes set it), else the OS's answer. */
export const homeDir: Effect.Effect<string> = Config.string("HOME").pipe(
  Config.validate({ message: "must not be empty", validation: (home) => home.length > 0 }),
  Effect.orElse(() => Effect.sync(homedir))
)

/** An absolute directory from the environment, or none (XDG: relative paths are ignored). */
export const absoluteDirFromEnv = (name: string): Effect.Effect<Option.Option<string>, never, Path.Path> =>
  Effect.flatMap(Path.Path, (path) =>
    Config.string(name).pipe(
      Config.validate({ message: "must be absolute", validation: (dir) => path.isAbsolute(dir) }),
      Config.option,
      Effect.orElseSucceed(Option.none)
    ))

/**
 * OpenCode's config directory, where plugins keep their own files: `$OPENCODE_CONFIG_DIR`, else
 * `$XDG_CONFIG_HOME/opencode`, else `~/.config/opencode`, on every OS (provider-api-facts §3).
 */
export const configDir: Effect.Effect<string, never, Path.Path> = Effect.gen(function*() {
  const path = yield* Path.Path
  const explicit = yield* absoluteDirFromEnv("OPENCODE_CONFIG_DIR")
  if (Option.isSome(explicit)) return explicit.value
  const xdg = yield* absoluteDirFromEnv("XDG_CONFIG_HOME")
  const home = yield* homeDir
  return path.join(Option.getOrElse(xdg, () => path.join(home, ".config")), "opencode")
})
