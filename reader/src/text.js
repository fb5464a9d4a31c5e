// What the view changes in the article's text without touching its structure: tashkeel
// shown or hidden, digits in one script, and list numbers in the article's script.
// Defines: transformText(), textNodesOf(), listStyleFor().

const TASHKEEL = /[\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E4\u06E7\u06E8\u06EA-\u06ED]/g;
const DIGIT_SETS = {
  western: "0123456789",
  arabic: "٠١٢٣٤٥٦٧٨٩",
  persian: "۰۱۲۳۴۵۶۷۸۹",
};
const ANY_DIGIT = /[0-9٠-٩۰-۹]/g;

function digitValue(ch) {
  for (const set of Object.values(DIGIT_SETS)) {
    const i = set.indexOf(ch);
    if (i >= 0) return i;
  }
  return -1;
}

/** `text` with tashkeel removed (`tashkeel: false`) and digits in one script. */
function transformText(text, { tashkeel, digits }) {
  let out = tashkeel ? text : text.replace(TASHKEEL, "");
  const set = DIGIT_SETS[digits];
  if (set) out = out.replace(ANY_DIGIT, (ch) => set[digitValue(ch)]);
  return out;
}

function textNodesOf(root) {
  const nodes = [];
  const walker = root.ownerDocument.createTreeWalker(root, 4 /* NodeFilter.SHOW_TEXT */);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node);
  return nodes;
}

/** The CSS list-style-type for ordered lists: the digit choice, else the article's script. */
function listStyleFor(lang, digits) {
  const p = langPrefix(lang);
  if (digits === "western") return "decimal";
  if (digits === "arabic") return "arabic-indic";
  if (digits === "persian") return p === "ur" ? "urdu" : "persian";
  return { ar: "arabic-indic", fa: "persian", ur: "urdu" }[p] || "decimal";
}
