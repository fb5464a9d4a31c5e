// Fonts shipped with the view (from the @fontsource npm packages, copied next to reader.js by
// reader/fonts.mjs): one face per Arabic-script style, each in two woff2 subsets (Arabic, and
// Latin for the digits and Latin words of RTL articles, so a line is one family), at 400 and
// 700. Only the faces an article needs are registered, with FontFace from the host's own URLs
// (`options.fonts`); the browser then downloads only the subsets the text uses.
// Defines: FONT_FACES, FONT_SUBSETS, faceFor(), fontStack(), registerFaces().

const FONT_SUBSETS = {
  arabic:
    "U+0600-06FF,U+0750-077F,U+0870-088E,U+0890-0891,U+0897-08E1,U+08E3-08FF,U+200C-200E," +
    "U+2010-2011,U+204F,U+2E41,U+FB50-FDFF,U+FE70-FE74,U+FE76-FEFC",
  latin:
    "U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+0304,U+0308,U+0329," +
    "U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD",
};
const FONT_WEIGHTS = [400, 700];
const FONT_FACES = {
  naskh: { family: "naqi Noto Naskh Arabic", file: "noto-naskh-arabic" },
  sans: { family: "naqi Noto Sans Arabic", file: "noto-sans-arabic" },
  vazir: { family: "naqi Vazirmatn", file: "vazirmatn" },
  nastaliq: { family: "naqi Noto Nastaliq Urdu", file: "noto-nastaliq-urdu" },
};
const STACKS = {
  serifRtl: '"Noto Naskh Arabic", "Amiri", "Scheherazade New", "Traditional Arabic", serif',
  sansRtl: '"Noto Sans Arabic", "Vazirmatn", "Segoe UI", Tahoma, sans-serif',
  serifLtr: 'Charter, "Iowan Old Style", Georgia, "Noto Serif", "DejaVu Serif", serif',
  sansLtr: 'system-ui, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif',
};

/** The bundled face for an article's language, direction and font preference, or null. */
function faceFor(lang, dir, font) {
  if (dir !== "rtl") return null;
  const p = langPrefix(lang);
  if (font === "nastaliq" || (font === "auto" && p === "ur")) return "nastaliq";
  if (font === "sans") return p === "fa" ? "vazir" : "sans";
  return "naskh";
}

/** The CSS font-family list for the article text. */
function fontStack(dir, font, face) {
  const sans = font === "sans";
  const stack =
    dir === "rtl"
      ? sans
        ? STACKS.sansRtl
        : STACKS.serifRtl
      : sans
        ? STACKS.sansLtr
        : STACKS.serifLtr;
  return face ? `"${FONT_FACES[face].family}", ${stack}` : stack;
}

const registered = new WeakMap(); // document -> Map(face -> FontFace[])

/**
 * Adds a bundled face to `doc.fonts` (once per document; again after the full-page mode set
 * script-made faces aside). `base` is the URL of the fonts folder. Returns the FontFaces.
 */
function registerFaces(doc, base, face) {
  const win = doc.defaultView || globalThis;
  if (!face || !base || typeof win.FontFace !== "function") return [];
  let faces = registered.get(doc);
  if (!faces) {
    faces = new Map();
    registered.set(doc, faces);
  }
  if (!faces.has(face)) {
    const { family, file } = FONT_FACES[face];
    const list = [];
    for (const [subset, range] of Object.entries(FONT_SUBSETS)) {
      for (const weight of FONT_WEIGHTS) {
        const url = new URL(`${file}-${subset}-${weight}-normal.woff2`, new URL(base, doc.baseURI))
          .href;
        list.push(
          new win.FontFace(family, `url("${url}") format("woff2")`, {
            weight: String(weight),
            style: "normal",
            // Never invisible text: should a page's policy block the file, the fallback stays.
            display: "swap",
            unicodeRange: range,
          }),
        );
      }
    }
    faces.set(face, list);
  }
  const list = faces.get(face);
  for (const f of list) {
    if (!doc.fonts.has(f)) doc.fonts.add(f);
  }
  return list;
}
