// The toolbar's icons: inline SVG drawn here (24×24, stroked with the text colour).
// Defines: icon(doc, name).

const SVG_NS = "http://www.w3.org/2000/svg";
const ICONS = {
  listen: ["M4 9.5h3.5L12 5.5v13l-4.5-4H4z", "M15.5 9a4 4 0 0 1 0 6", "M18 6.5a7.5 7.5 0 0 1 0 11"],
  copyText: ["M9 9h10v11H9z", "M15 9V5H5v11h4", "M11.5 13h5", "M11.5 16h5"],
  copyMarkdown: ["M3 6.5h18v11H3z", "M6.5 14.5v-5l2.5 3 2.5-3v5", "M16 9.5v5", "M14 12.5l2 2 2-2"],
  print: ["M7 9V4h10v5", "M5 17H3.5V9.5h17V17H19", "M7 14h10v6H7z"],
  close: ["M6 6l12 12", "M18 6L6 18"],
  play: ["M8 5.5l10 6.5-10 6.5z"],
  pause: ["M9 5.5v13", "M15 5.5v13"],
  stop: ["M6.5 6.5h11v11h-11z"],
  previous: ["M15 6l-6 6 6 6"],
  next: ["M9 6l6 6-6 6"],
  removed: ["M5 7h14", "M9 7V4.5h6V7", "M7 7l1 13h8l1-13"],
};

function icon(doc, name) {
  const svg = doc.createElementNS(SVG_NS, "svg");
  svg.setAttribute("viewBox", "0 0 24 24");
  svg.setAttribute("aria-hidden", "true");
  svg.setAttribute("focusable", "false");
  svg.setAttribute("class", `naqi-icon naqi-icon-${name}`);
  for (const d of ICONS[name] || []) {
    const path = doc.createElementNS(SVG_NS, "path");
    path.setAttribute("d", d);
    svg.append(path);
  }
  return svg;
}
