/**
 * Run by `npm run bench` inside OpenCode's own Bun: the plugin as OpenCode uses it. Imports the built entry, calls
 * its `server` as OpenCode does at start-up, lets OpenCode "be up" for `IDLE_MS` (its start-up and the user typing the
 * first `/mystatus`), then times the tool's first call and `LATER` later calls. Prints one JSON line.
 *
 *   bun bench-plugin.ts <plugin-entry-url>   (HOME and the MYSTATUS_*_URL variables come from the caller)
 */
const IDLE_MS = 1500
const LATER = 5

const started = performance.now()
const module = await import(process.argv[2]!)
const imported = performance.now() - started
const hooks = await module.default.server({}, {})
await hooks.config?.({})
await hooks.event?.({ event: { type: "server.connected", properties: {} } })
await new Promise((resolve) => setTimeout(resolve, IDLE_MS))

const call = async () => {
  const begun = performance.now()
  const output: string = await hooks.tool.mystatus.execute({}, { abort: new AbortController().signal })
  const elapsed = performance.now() - begun
  if (output.includes("✗")) throw new Error(`a provider failed:\n${output}`)
  return elapsed
}
const first = await call()
const later: Array<number> = []
for (let i = 0; i < LATER; i++) later.push(await call())
later.sort((a, b) => a - b)
await hooks.dispose?.()
console.log(JSON.stringify({ imported, first, later: later[Math.floor(LATER / 2)] }))
