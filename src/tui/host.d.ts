/**
 * The two modules OpenCode provides to TUI plugins at run time (it maps these bare imports to its bundled copies:
 * ../shared/docs/opencode-tui-facts.md). They are not dependencies of this package; these are the signatures of the
 * few functions src/tui/index.ts uses, as @opentui/solid 0.4 and solid-js 1.9 declare them.
 */
declare module "@opentui/solid" {
  export function createElement(tag: string): unknown
  export function createTextNode(value: string): unknown
  export function insertNode(parent: unknown, node: unknown, anchor?: unknown): void
  export function insert(parent: unknown, accessor: unknown, marker?: unknown, initial?: unknown): unknown
  export function setProp<T>(node: unknown, name: string, value: T, prev?: T): T
}

declare module "solid-js" {
  export function createSignal<T>(value: T): [get: () => T, set: (value: T) => T]
}
