// The flags `readforge-wasm index` and `readforge-wasm profile` share (-o FILE, -q, --help, the
// rest positional), read with Node's parseArgs and worded as the native subcommands word them.
import { parseArgs } from 'node:util';
import { ReadforgeError } from '../runner/pump.js';

export interface SubcommandArgs {
  positional: string[];
  /** -o FILE, '' when not given. */
  out: string;
  quiet: boolean;
  help: boolean;
  /** readforge profile --fragments. */
  fragments: boolean;
}

export function parseSubcommand(name: string, args: string[]): SubcommandArgs {
  try {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        output: { type: 'string', short: 'o' },
        quiet: { type: 'boolean', short: 'q' },
        help: { type: 'boolean' },
        ...(name === 'profile' ? { fragments: { type: 'boolean' as const } } : {}),
      },
    });
    return {
      positional: positionals,
      out: values.output ?? '',
      quiet: values.quiet ?? false,
      help: values.help ?? false,
      fragments: Boolean((values as { fragments?: boolean }).fragments),
    };
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE')
      throw new ReadforgeError('option -o/--output needs a value');
    const option = /'([^']+)'/.exec((error as Error).message)?.[1] ?? '';
    throw new ReadforgeError(`unknown option '${option}' for readforge ${name} (see --help)`);
  }
}
