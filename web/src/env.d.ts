/// <reference types="vite/client" />
declare module '*/readforge.mjs' {
  const factory: unknown;
  export default factory;
}
