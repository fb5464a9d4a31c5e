// The Node entry (`import { extract } from "naqi"` under Node >= 20): the nodejs build of the
// glue, which compiles and instantiates the module synchronously when first imported.
import glue from "./wasm/naqi_node.cjs";
import { recovering } from "./recover.js";

export const {
  extract, extractTree, extractDocument, encodeDocument, isProbablyReadable, isProbablyReadableTree,
  NaqiError,
} =
  recovering(glue);
