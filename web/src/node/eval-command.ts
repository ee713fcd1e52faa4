// readforge-wasm eval: the native `readforge eval`, through the WebAssembly module: the same
// arguments, the same report.
import { createReadStream } from 'node:fs';
import type { ReadforgeModule, WasmEvaluation } from '../runner/module-types.js';
import { pushPieces } from '../runner/buffer-input.js';
import { ReadforgeError } from '../runner/pump.js';
import { replaceFile } from './interrupt.js';

/** Feeds a file (or standard input) as it is, a piece at a time; errors name the file. */
async function feed(
  evaluation: WasmEvaluation,
  path: string,
  push: (n: number) => string,
  finish: () => string,
): Promise<void> {
  const stream = path === '-' ? process.stdin : createReadStream(path);
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      const problem = pushPieces(evaluation, chunk, push);
      if (problem) throw new ReadforgeError(`${path}: ${problem}`);
    }
  } catch (error) {
    if (error instanceof ReadforgeError) throw error;
    throw new ReadforgeError(`cannot open ${path}: ${(error as Error).message}`);
  }
  const problem = finish();
  if (problem) throw new ReadforgeError(`${path}: ${problem}`);
}

export async function evalCommand(module: ReadforgeModule, argv: string[]): Promise<number> {
  const args = module.parseEvalArgs(argv);
  if (args.error) throw new ReadforgeError(args.error);
  if (args.help) {
    process.stdout.write(module.evalUsage().replace(/^Usage: readforge/, 'Usage: readforge-wasm'));
    return 0;
  }
  const evaluation = new module.Evaluation(args.gap, args.roc, args.json);
  try {
    if (args.truth)
      await feed(
        evaluation,
        args.truth,
        (n) => evaluation.pushTruth(n),
        () => evaluation.finishTruth(),
      );
    await feed(
      evaluation,
      args.input,
      (n) => evaluation.push(n),
      () => evaluation.finish(),
    );
    const report = evaluation.report();
    if (args.out === '-') process.stdout.write(report);
    else replaceFile(args.out, report);
    if (!args.quiet)
      process.stderr.write(`readforge: evaluated ${evaluation.records()} alignment records\n`);
  } finally {
    evaluation.delete();
  }
  return 0;
}
