import type { Reporter, TestModule } from "vitest/node"

/**
 * Ends the run with the plain "N passed, N failed" line CI reads. Counted when the run ends, printed in
 * `onFinished`, which comes after the default reporter's summary.
 */
export default class SummaryReporter implements Reporter {
  private line = ""

  onTestRunEnd(modules: ReadonlyArray<TestModule>) {
    let passed = 0
    let failed = 0
    let skipped = 0
    for (const module of modules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state
        if (state === "passed") passed += 1
        else if (state === "failed") failed += 1
        else skipped += 1
      }
    }
    this.line = `vitest: ${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ""}`
  }

  onFinished() {
    if (this.line !== "") console.log(`\n${this.line}`)
  }
}
