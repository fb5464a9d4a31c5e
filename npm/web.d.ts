// Types of the `naqi/web` entry: the same API as `naqi`, plus explicit initialisation.
import type { InitInput, SyncInitInput } from "./wasm/naqi.js";

export * from "./index.js";
export type { InitInput, SyncInitInput };

/** Fetches, compiles and instantiates the Wasm module (by default the `.wasm` beside this file). */
export default function init(input?: {
  module_or_path: InitInput | Promise<InitInput>;
}): Promise<void>;
export { init };

/** Instantiates the Wasm module synchronously from its bytes or a compiled module. */
export function initSync(input: { module: SyncInitInput }): void;

/**
 * Loads the full build (with its own HTML parser), which `extract` and `isProbablyReadable` use
 * where there is no DOMParser (workers). `init()` calls it there.
 */
export function loadFull(input?: { module_or_path: InitInput | Promise<InitInput> }): Promise<void>;
