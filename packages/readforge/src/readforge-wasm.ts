// `npx readforge-wasm`: the readforge command line's arguments, run through the package's
// engine (web/src/node/cli.ts, bundled with it).
import { main } from '../../../web/src/node/cli.js';

process.exitCode = await main(process.argv.slice(2));
