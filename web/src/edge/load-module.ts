// readforge.wasm in workerd: the runtime hands the .wasm over as a compiled WebAssembly.Module
// (compiling bytes at run time is forbidden), and the glue must not build URLs from
// import.meta.url, hence locateFile.
import createReadforge from '../../../build-wasm/readforge.mjs';
import wasm from './readforge.wasm';
import type { ReadforgeFactory, ReadforgeModule } from '../runner/module-types.js';

let loaded: Promise<ReadforgeModule> | null = null;

export function loadReadforge(): Promise<ReadforgeModule> {
  loaded ??= (createReadforge as ReadforgeFactory)({
    locateFile: (path) => path,
    instantiateWasm(imports, receive) {
      void WebAssembly.instantiate(wasm as WebAssembly.Module, imports).then((instance) =>
        receive(instance),
      );
      return {};
    },
  });
  return loaded;
}
