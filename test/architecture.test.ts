import { describe, expect, it } from "@effect/vitest"
import madge from "madge"
import { fileURLToPath } from "node:url"

/**
 * The house's rules, checked on the import graph (madge, which reads TypeScript with our tsconfig and counts
 * dynamic imports too): no import circle; schema imports nothing of ours; a provider imports no other provider; no
 * module imports a face (the CLI, the plugin, or program.ts, which starts the CLI).
 */
const root = fileURLToPath(new URL("../src", import.meta.url))
const graph = await madge(root, {
  fileExtensions: ["ts"],
  tsConfig: fileURLToPath(new URL("../tsconfig.json", import.meta.url))
})
const imports = Object.entries(graph.obj()).filter(([file]) => file.endsWith(".ts"))

describe("the import graph of src/", () => {
  it("has every module (the graph was read)", () => {
    expect(imports.map(([file]) => file)).toEqual(expect.arrayContaining(["run.ts", "providers/registry.ts", "i18n/index.ts"]))
  })

  it("has no import circle", () => {
    expect(graph.circular()).toEqual([])
  })

  it("schema imports nothing of ours but schema", () => {
    for (const [file, deps] of imports.filter(([file]) => file.startsWith("schema/"))) {
      expect(deps.filter((dep) => !dep.startsWith("schema/")), file).toEqual([])
    }
  })

  it("a provider imports no other provider", () => {
    for (const [file, deps] of imports.filter(([file]) => /^providers\/[^/]+\//.test(file))) {
      const own = file.split("/")[1]
      expect(deps.filter((dep) => dep.startsWith("providers/") && dep.split("/")[1] !== own), file).toEqual([])
    }
  })

  it("nothing but a face imports a face", () => {
    const face = (dep: string) => dep.startsWith("cli/") || dep.startsWith("plugin/") || dep === "program.ts"
    for (const [file, deps] of imports) {
      if (face(file)) continue
      expect(deps.filter(face), file).toEqual([])
    }
  })
})
