// Benchmark floor: the effect runtime alone, printing one line. See scripts/bench.ts.
import { Console, Effect } from "effect"

Effect.runFork(Console.log("floor"))
