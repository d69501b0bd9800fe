import { Option, type ParseResult, SchemaAST as AST } from "effect"

/**
 * One line per schema issue, `field.path: what was expected`. Written for input that may hold secrets (a credential
 * file, an answer that echoes the request's Authorization header, a fresh token): it says *where* and *what was
 * expected*, never the value found, so it walks the issue tree itself instead of using Schema's formatters (whose
 * messages quote the actual value and dump whole type signatures).
 */
export const formatIssues = (error: ParseResult.ParseError, max = 3): string => {
  const lines = leaves(error.issue, [])
  const unique = [...new Set(lines)]
  const more = unique.length > max ? ` (+${unique.length - max} more)` : ""
  return truncate(unique.slice(0, max).join("; ") + more, 300)
}

export const truncate = (text: string, max: number): string =>
  text.length <= max ? text : `${text.slice(0, max - 1)}…`

type Segment = string

/** `limits[2].percentage`: indices join the field before them. */
const line = (path: ReadonlyArray<Segment>, message: string) =>
  path.length === 0 ? message : `${path.join(".").replaceAll(".[", "[")}: ${message}`

const leaves = (issue: ParseResult.ParseIssue, path: ReadonlyArray<Segment>): Array<string> => {
  switch (issue._tag) {
    case "Pointer":
      return leaves(issue.issue, path)
    case "Composite": {
      const issues = Array.isArray(issue.issues) ? issue.issues : [issue.issues as ParseResult.ParseIssue]
      if (issue.ast._tag === "Union") {
        // Members of another kind say only "not me"; a member that matched in part says what is wrong inside it.
        const partial = issues.filter((inner) => inner._tag !== "Type")
        return partial.length === 0
          ? [line(path, annotated(issue.ast) ?? `expected ${expected(issue.ast)}`)]
          : partial.flatMap((inner) => leaves(inner, path))
      }
      return issues.flatMap((inner) =>
        inner._tag === "Pointer" ? leaves(inner.issue, [...path, ...segments(issue.ast, inner.path)]) : leaves(inner, path)
      )
    }
    case "Refinement":
      return issue.kind === "From"
        ? (annotated(issue.ast) !== undefined ? [line(path, annotated(issue.ast)!)] : leaves(issue.issue, path))
        : [line(path, annotated(issue.ast) ?? `expected ${expected(issue.ast)}`)]
    case "Transformation":
      return annotated(issue.ast) !== undefined ? [line(path, annotated(issue.ast)!)] : leaves(issue.issue, path)
    case "Type":
      return [line(path, annotated(issue.ast) ?? `expected ${expected(issue.ast)}`)]
    case "Missing":
      return [line(path, "is missing")]
    case "Unexpected":
      return [line(path, "is not expected here")]
    case "Forbidden":
      return [line(path, "could not be checked")]
  }
}

/**
 * Field names the schema declares are ours and shown; keys that come from the data (a record's keys, e.g. model
 * names) are outside input and shown as `*`.
 */
const segments = (ast: AST.AST, pointer: ParseResult.Path): Array<Segment> => {
  const keys = Array.isArray(pointer) ? pointer : [pointer as PropertyKey]
  const declared = declaredKeys(ast)
  return keys.map((key) =>
    typeof key === "number" ? `[${key}]` : typeof key === "string" && declared.has(key) ? key : "*"
  )
}

const declaredKeys = (ast: AST.AST): ReadonlySet<PropertyKey> => {
  switch (ast._tag) {
    case "TypeLiteral":
      return new Set(ast.propertySignatures.map((signature) => signature.name))
    case "Refinement":
      return declaredKeys(ast.from)
    case "Transformation":
      return declaredKeys(ast.to)
    default:
      return new Set()
  }
}

/** A message we attached to the schema (they are fixed text: see `fixed` in auth.ts). */
const annotated = (ast: AST.AST): string | undefined =>
  Option.match(AST.getMessageAnnotation(ast), {
    onNone: () => undefined,
    onSome: (annotation) => {
      // Our annotations ignore the issue; they are called with a placeholder so that no value can reach them.
      const out = annotation(placeholder)
      const text = typeof out === "string" ? out : typeof out === "object" && "message" in out ? out.message : undefined
      return typeof text === "string" ? text : undefined
    }
  })

const placeholder = { _tag: "Forbidden", ast: AST.unknownKeyword, actual: undefined } as unknown as ParseResult.ParseIssue

/** What a schema accepts, in words, from its structure only. */
const expected = (ast: AST.AST): string => {
  switch (ast._tag) {
    case "StringKeyword":
    case "TemplateLiteral":
      return "a string"
    case "NumberKeyword":
      return "a number"
    case "BooleanKeyword":
      return "true or false"
    case "Literal":
      return ast.literal === null ? "null" : JSON.stringify(ast.literal)
    case "UndefinedKeyword":
    case "VoidKeyword":
      return "nothing"
    case "TypeLiteral":
      return "an object"
    case "TupleType":
      return "a list"
    case "Enums":
      return ast.enums.map(([, value]) => JSON.stringify(value)).join(" or ")
    case "Union": {
      // `nullable(X)` accepts null and absence too, but what the field should hold is X.
      const nullish = (member: AST.AST) => member._tag === "UndefinedKeyword" || (member._tag === "Literal" && member.literal === null)
      const members = ast.types.some((member) => !nullish(member)) ? ast.types.filter((member) => !nullish(member)) : ast.types
      return [...new Set(members.map(expected))].join(" or ")
    }
    case "Refinement":
      return Option.getOrElse(AST.getDescriptionAnnotation(ast), () => expected(ast.from))
    case "Transformation":
      return expected(ast.from)
    case "Suspend":
      return expected(ast.f())
    default:
      return Option.getOrElse(AST.getDescriptionAnnotation(ast), () => "a valid value")
  }
}
