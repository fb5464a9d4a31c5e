// The Node entry (`import { extract } from "naqi"` under Node >= 20): the full build (its own
// HTML parser, Unicode host names through Node's URL) with the nodejs
// glue, which compiles and instantiates the module synchronously when first imported.
import glue from "./wasm/full/naqi_node.cjs";
import { recovering } from "./recover.js";

export const {
  extract,
  extractTree,
  extractDocument,
  encodeDocument,
  isProbablyReadable,
  isProbablyReadableTree,
  NaqiError,
} = recovering(glue);
