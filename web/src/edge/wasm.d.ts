declare module '*.wasm' {
  const module: WebAssembly.Module;
  export default module;
}
declare module '*/readforge.mjs' {
  const factory: unknown;
  export default factory;
}
declare module '*.profile' {
  const text: string;
  export default text;
}
