import { Option, type ParseResult, Schema, SchemaAST as AST } from "effect"

/**
 * What a value should have been, as data: the renderer words it in the user's language. Schemas of credential
 * files annotate their fields with one (`expecting`); anything else is described from the schema's structure.
 */
export const TypeName = Schema.Literal("string", "number", "boolean", "object", "list", "null")
export type TypeName = typeof TypeName.Type

export const Expected = Schema.Union(
  Schema.TaggedStruct("Missing", {}),
  Schema.TaggedStruct("Unexpected", {}),
  Schema.TaggedStruct("Type", { types: Schema.Array(TypeName) }),
  /** One of these values of ours (JSON literals from our schemas, never from the input). */
  Schema.TaggedStruct("OneOf", { values: Schema.Array(Schema.String) }),
  /** A non-empty string without surrounding whitespace or a newline (a pasted key often has one). */
  Schema.TaggedStruct("Secret", {}),
  /** A user name of letters, digits and hyphens. */
  Schema.TaggedStruct("Login", {}),
  /** A number of milliseconds since 1970. */
  Schema.TaggedStruct("Timestamp", {}),
  /** A host name or an http(s) URL. */
  Schema.TaggedStruct("Url", {}),
  /** Nothing more precise can be said. */
  Schema.TaggedStruct("Valid", {})
)
export type Expected = typeof Expected.Type

/** One thing wrong with an input: where (`limits[2].percentage`, "" for the whole) and what was expected. */
export const Issue = Schema.Struct({ path: Schema.String, expected: Expected })
export type Issue = typeof Issue.Type

/** The issues of a decode, at most three; `more` counts the rest. */
export const Issues = Schema.Struct({ list: Schema.Array(Issue), more: Schema.Number })
export type Issues = typeof Issues.Type

const ExpectedId = Symbol.for("mystatus/Expected")

/** Annotates a schema with what its values must be, for messages about credential files. */
export const expecting = (expected: Expected) => ({ [ExpectedId]: expected })

/**
 * The issues of a failed decode. Written for input that may hold secrets (a credential file, an answer that echoes
 * the request's Authorization header, a fresh token): it says *where* and *what was expected*, never the value
 * found, so it walks the issue tree itself instead of using Schema's formatters (whose messages quote the actual
 * value and dump whole type signatures).
 */
export const issuesOf = (error: ParseResult.ParseError, max = 3): Issues => {
  const seen = new Set<string>()
  const unique = leaves(error.issue, []).filter((issue) => {
    const id = JSON.stringify(issue)
    return seen.has(id) ? false : (seen.add(id), true)
  })
  return { list: unique.slice(0, max), more: Math.max(0, unique.length - max) }
}

type Segment = string

const issue = (path: ReadonlyArray<Segment>, expected: Expected): Issue => ({
  // `limits[2].percentage`: indices join the field before them.
  path: path.join(".").replaceAll(".[", "["),
  expected
})

const leaves = (parse: ParseResult.ParseIssue, path: ReadonlyArray<Segment>): Array<Issue> => {
  switch (parse._tag) {
    case "Pointer":
      return leaves(parse.issue, path)
    case "Composite": {
      const inner = Array.isArray(parse.issues) ? parse.issues : [parse.issues as ParseResult.ParseIssue]
      if (parse.ast._tag === "Union") {
        // Members of another kind say only "not me"; a member that matched in part says what is wrong inside it.
        const partial = inner.filter((one) => one._tag !== "Type")
        return partial.length === 0
          ? [issue(path, annotated(parse.ast) ?? expected(parse.ast))]
          : partial.flatMap((one) => leaves(one, path))
      }
      return inner.flatMap((one) =>
        one._tag === "Pointer" ? leaves(one.issue, [...path, ...segments(parse.ast, one.path)]) : leaves(one, path)
      )
    }
    case "Refinement":
      return parse.kind === "From"
        ? (annotated(parse.ast) !== undefined ? [issue(path, annotated(parse.ast)!)] : leaves(parse.issue, path))
        : [issue(path, annotated(parse.ast) ?? expected(parse.ast))]
    case "Transformation":
      return annotated(parse.ast) !== undefined ? [issue(path, annotated(parse.ast)!)] : leaves(parse.issue, path)
    case "Type":
      return [issue(path, annotated(parse.ast) ?? expected(parse.ast))]
    case "Missing":
      return [issue(path, { _tag: "Missing" })]
    case "Unexpected":
      return [issue(path, { _tag: "Unexpected" })]
    case "Forbidden":
      return [issue(path, { _tag: "Valid" })]
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

const annotated = (ast: AST.AST): Expected | undefined =>
  Option.getOrUndefined(AST.getAnnotation<Expected>(ExpectedId)(ast))

/** What a schema accepts, from its structure only. */
const expected = (ast: AST.AST): Expected => {
  const types = typeNames(ast)
  if (types !== undefined) return { _tag: "Type", types }
  const literals = literalValues(ast)
  return literals === undefined ? { _tag: "Valid" } : { _tag: "OneOf", values: literals }
}

const typeNames = (ast: AST.AST): Array<TypeName> | undefined => {
  switch (ast._tag) {
    case "StringKeyword":
    case "TemplateLiteral":
      return ["string"]
    case "NumberKeyword":
      return ["number"]
    case "BooleanKeyword":
      return ["boolean"]
    case "TypeLiteral":
      return ["object"]
    case "TupleType":
      return ["list"]
    case "Refinement":
      return typeNames(ast.from)
    case "Transformation":
      return typeNames(ast.from)
    case "Suspend":
      return typeNames(ast.f())
    case "Union": {
      // `nullable(X)` accepts null and absence too, but what the field should hold is X.
      const members = ast.types.filter((member) =>
        member._tag !== "UndefinedKeyword" && !(member._tag === "Literal" && member.literal === null)
      )
      const names = members.map(typeNames)
      return members.length === 0 || names.some((name) => name === undefined)
        ? undefined
        : [...new Set(names.flatMap((name) => name!))]
    }
    default:
      return undefined
  }
}

const literalValues = (ast: AST.AST): Array<string> | undefined => {
  switch (ast._tag) {
    case "Literal":
      return [JSON.stringify(ast.literal)]
    case "Enums":
      return ast.enums.map(([, value]) => JSON.stringify(value))
    case "Union": {
      const values = ast.types.map(literalValues)
      return values.some((value) => value === undefined) ? undefined : values.flatMap((value) => value!)
    }
    default:
      return undefined
  }
}
