import { Either } from "effect"
import { parse, type ParseError } from "jsonc-parser"

/**
 * JSON from outside (a credential file, an HTTP body), parsed within bounds. The decoders after it recurse once per
 * level, so a body nested 10,000 deep would overflow the stack: depth is checked on the raw text first, in one pass
 * that allocates nothing. Errors never quote the text.
 */
export const MAX_DEPTH = 64

export type JsonTextProblem =
  | { readonly _tag: "Empty" }
  | { readonly _tag: "TooDeep" }
  | { readonly _tag: "NotJson"; readonly line: number; readonly column: number }

export const parseJsonText = (raw: string): Either.Either<unknown, JsonTextProblem> => {
  // Editors on Windows may save a byte-order mark; JSON.parse rejects it, OpenCode's own reader does not care.
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw
  if (text.trim() === "") return Either.left({ _tag: "Empty" })
  if (depthExceeds(text, MAX_DEPTH)) return Either.left({ _tag: "TooDeep" })
  try {
    return Either.right(JSON.parse(text))
  } catch {
    return Either.left({ _tag: "NotJson", ...position(text, firstErrorOffset(text)) })
  }
}

/** Brackets outside strings, counted in one pass. */
const depthExceeds = (text: string, max: number): boolean => {
  let depth = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 0x5c) i++ // backslash: skip the escaped character
      else if (c === 0x22) inString = false
    } else if (c === 0x22) inString = true
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return true
    } else if (c === 0x7d || c === 0x5d) depth--
  }
  return false
}

/**
 * Where JSON.parse gave up. Its messages differ between engines (V8 gives a position only for some errors, Bun has
 * its own wording), so the offset comes from jsonc-parser's strict mode (Microsoft's, what VS Code uses): only on
 * the failure path, and only on text already known to be within MAX_DEPTH (its parser recurses).
 */
const firstErrorOffset = (text: string): number => {
  const errors: Array<ParseError> = []
  parse(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false })
  return Math.min(errors[0]?.offset ?? 0, text.length)
}

/** 1-based line and column of an offset. */
const position = (text: string, offset: number): { readonly line: number; readonly column: number } => {
  let line = 1
  let start = 0
  for (let i = 0; i < offset; i++) {
    if (text.charCodeAt(i) === 0x0a) {
      line++
      start = i + 1
    }
  }
  return { line, column: offset - start + 1 }
}
