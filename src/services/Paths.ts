import { Config, Effect } from "effect"
import { homedir } from "node:os"

/** The user's home: `HOME` when set (tests and sandboxes set it), else the OS's answer. */
export const homeDir: Effect.Effect<string> = Config.string("HOME").pipe(
  Config.validate({ message: "must not be empty", validation: (home) => home.length > 0 }),
  Effect.orElse(() => Effect.sync(homedir))
)
