import { ParseResult } from "effect"

/**
 * One line per schema issue, `field.path: what is wrong`. Credential schemas annotate every leaf with a fixed
 * message, so this never echoes a value back (a secret must not reach an error).
 */
export const formatIssues = (error: ParseResult.ParseError, max = 3): string => {
  const issues = ParseResult.ArrayFormatter.formatErrorSync(error)
  const lines = issues.slice(0, max).map((issue) =>
    issue.path.length === 0 ? issue.message : `${issue.path.map(String).join(".")}: ${issue.message}`
  )
  const more = issues.length > max ? ` (+${issues.length - max} more)` : ""
  return truncate(lines.join("; ") + more, 300)
}

export const truncate = (text: string, max: number): string =>
  text.length <= max ? text : `${text.slice(0, max - 1)}…`
