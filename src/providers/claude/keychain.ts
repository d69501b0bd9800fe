import { Command, CommandExecutor } from "@effect/platform"
import { Duration, Effect, Either, Option, Stream } from "effect"
import { createHash } from "node:crypto"
import { readBounded } from "../../services/Http.js"
import { parseJsonText } from "../../services/JsonText.js"

/**
 * Claude Code's login on macOS: a generic-password item of the login Keychain whose password is the same JSON as
 * `.credentials.json` (provider-api-facts §2.2; melon-hub/claude-hud `docs/USAGE-LIMITS-RESEARCH.md`). Read with
 * `security find-generic-password -s <service> -w`, which prints the password alone. Claude Code created the item
 * with `security` itself, so `security` may read it without asking; nothing here can prompt: stdin is closed at once
 * and the read is cut short after `KEYCHAIN_TIMEOUT`.
 */
export const KEYCHAIN_SERVICE = "Claude Code-credentials"

/**
 * The item of a Claude config dir: the plain name for the default `~/.claude`; for a `CLAUDE_CONFIG_DIR`, Claude
 * Code adds the first 8 hex digits of the SHA-256 of that variable's value as written (`/Users/test/.claude-work` →
 * `Claude Code-credentials-03abf0ee`; public tools that share Claude Code's items compute it so).
 */
export const keychainService = (configDir: string | null): string =>
  configDir === null ? KEYCHAIN_SERVICE : `${KEYCHAIN_SERVICE}-${createHash("sha256").update(configDir).digest("hex").slice(0, 8)}`

/**
 * A Keychain that has not answered by then is waiting for something (a locked keychain's dialog): its login counts
 * as not there, and the other sources still report within the run's timeout.
 */
const KEYCHAIN_TIMEOUT = Duration.seconds(3)

/** A credential is a few hundred bytes; more is not one, and is not read further. */
const MAX_OUTPUT_BYTES = 64 * 1024

/**
 * The item's JSON, or `None` when there is none to use: no `security` command, no such item (exit 44), any other
 * non-zero exit, output that is not JSON, or no answer in time. Whether it has the right shape is the caller's.
 * `path` is the PATH to find `security` on (the environment's, which tests point at a fake one).
 */
export const readKeychainItem = (
  service: string,
  path: string | undefined
): Effect.Effect<Option.Option<unknown>, never, CommandExecutor.CommandExecutor> =>
  Effect.gen(function*() {
    const executor = yield* CommandExecutor.CommandExecutor
    const command = Command.make("security", "find-generic-password", "-s", service, "-w").pipe(
      Command.stdin(Stream.empty),
      (command) => (path === undefined ? command : Command.env(command, { PATH: path }))
    )
    return yield* Effect.scoped(Effect.gen(function*() {
      const process = yield* executor.start(command)
      // Read, or a chatty stderr could fill its pipe and stall the command; dropped: it is not ours to show.
      yield* Effect.forkScoped(Stream.runDrain(process.stderr))
      const output = yield* readBounded(process.stdout, MAX_OUTPUT_BYTES)
      if (Either.isLeft(output) || (yield* process.exitCode) !== 0) return Option.none()
      const json = parseJsonText(output.right)
      return Either.isRight(json) ? Option.some(json.right) : Option.none()
    }))
  }).pipe(
    Effect.catchAll(() => Effect.succeedNone),
    // `disconnect`: the answer does not wait for a `security` that is slow to die.
    Effect.disconnect,
    Effect.timeoutTo({ duration: KEYCHAIN_TIMEOUT, onTimeout: Option.none, onSuccess: (found) => found })
  )
