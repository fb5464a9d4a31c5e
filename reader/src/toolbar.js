// The view's top bar: one row of icon buttons (each with an accessible name and a tooltip),
// the "Aa" panel with every typography and colour setting, the read-aloud bar and the
// reading-progress bar. It only builds and reflects state; view.js handles the actions.
// Defines: buildToolbar(ctx) -> { top, toolbar, skip, panelButton, panel, speechBar, progress, reflect(prefs) }.

const SERIF_LATIN = { en: "Serif", ar: "خط مذيّل", fa: "قلم سریف", ur: "سیرف خط" };

function buildToolbar(ctx) {
  const { doc, t, dir, lang, face } = ctx;
  const rtl = dir === "rtl";
  const arabicScript = rtl && ["ar", "fa", "ur"].includes(langPrefix(lang));
  const button = (action, value, text, extra) =>
    el(
      doc,
      "button",
      Object.assign({ type: "button", "data-action": action, "data-value": value }, extra),
      text,
    );
  const iconButton = (action, label, name, extra) => {
    const b = button(
      action,
      null,
      null,
      Object.assign({ "aria-label": label, title: label }, extra),
    );
    b.append(icon(doc, name));
    return b;
  };

  const top = el(doc, "div", { class: "naqi-top" });
  const toolbar = el(doc, "div", {
    class: "naqi-toolbar",
    role: "toolbar",
    "aria-label": t.toolbar,
  });
  const skip = el(
    doc,
    "a",
    { class: "naqi-skip", href: "#naqi-article", "data-action": "skip" },
    t.skip,
  );
  const panelButton = button("panel", null, null, {
    "aria-label": t.typography,
    title: t.typography,
    "aria-expanded": "false",
    "aria-controls": "naqi-panel",
    class: "naqi-aa",
  });
  panelButton.append(el(doc, "span", { "aria-hidden": "true", lang: "en", dir: "ltr" }, "Aa"));
  const listen = iconButton("listen", t.listen, "listen", { "aria-pressed": "false" });
  const status = el(doc, "span", { class: "naqi-status", role: "status", "aria-live": "polite" });
  toolbar.append(
    skip,
    panelButton,
    listen,
    iconButton("copy-text", t.copyText, "copyText"),
    iconButton("copy-markdown", t.copyMarkdown, "copyMarkdown"),
    iconButton("print", t.print, "print"),
    status,
    el(doc, "span", { class: "naqi-spacer" }),
    iconButton("close", t.close, "close"),
  );

  // The "Aa" panel --------------------------------------------------------------------------
  const panel = el(doc, "div", {
    class: "naqi-panel",
    id: "naqi-panel",
    role: "group",
    "aria-label": t.typography,
    hidden: "",
  });
  const row = (label, children) => {
    const r = el(doc, "div", { class: "naqi-row", role: "group", "aria-label": label });
    r.append(el(doc, "span", { class: "naqi-row-label", "aria-hidden": "true" }, label));
    const box = el(doc, "span", { class: "naqi-row-controls" });
    box.append(...children);
    r.append(box);
    panel.append(r);
    return r;
  };
  const choices = (action, values, labels) =>
    values.map((v) => button(action, v, labels[v], { "aria-pressed": "false" }));
  const stepper = (less, more, lessLabel, moreLabel, lessText, moreText) => {
    const out = el(doc, "output", { class: "naqi-value", "data-for": less });
    return [
      button(less, null, lessText, { "aria-label": lessLabel, title: lessLabel }),
      out,
      button(more, null, moreText, { "aria-label": moreLabel, title: moreLabel }),
    ];
  };
  const fontValues = rtl ? ["serif", "sans", "nastaliq"] : ["serif", "sans"];
  // Latin articles have no Naskh: their serif choice is named as such.
  const fontLabels = rtl ? t : Object.assign({}, t, { serif: SERIF_LATIN[ctx.uiLang] });
  row(t.font, choices("font", fontValues, fontLabels));
  row(t.size, stepper("font-smaller", "font-larger", t.smaller, t.larger, "A−", "A+"));
  row(t.lineHeight, stepper("line-tighter", "line-looser", t.tighter, t.looser, "−", "+"));
  row(t.wordSpacing, stepper("words-closer", "words-apart", t.wordsCloser, t.wordsApart, "−", "+"));
  row(t.width, choices("width", WIDTHS, t));
  row(t.align, choices("align", ALIGNS, { start: t.alignStart, justify: t.justify }));
  const themeButtons = THEMES.map((name) => {
    const b = button("theme", name, null, { "aria-pressed": "false" });
    b.append(
      el(doc, "span", { class: "naqi-swatch", "data-value": name, "aria-hidden": "true" }),
      t[name],
    );
    return b;
  });
  const colorInput = (pref, label) =>
    el(doc, "input", {
      type: "color",
      "data-pref": pref,
      "aria-label": label,
      title: label,
      class: "naqi-color",
    });
  const colors = el(doc, "span", { class: "naqi-colors" });
  colors.append(colorInput("background", t.background), colorInput("foreground", t.textColor));
  row(t.theme, [...themeButtons, colors]);
  if (rtl) {
    row(t.digits, choices("digits", DIGITS, Object.assign({}, t, { auto: t.digitsAuto })));
  }
  if (arabicScript) {
    row(t.tashkeel, [button("tashkeel", null, t.tashkeel, { "aria-pressed": "true" })]);
  }

  const speechBar = el(doc, "div", { class: "naqi-speech", hidden: "" });
  const progress = el(doc, "div", {
    class: "naqi-progress",
    role: "progressbar",
    "aria-label": t.progress,
    "aria-valuemin": "0",
    "aria-valuemax": "100",
    "aria-valuenow": "0",
  });
  progress.append(el(doc, "span", { class: "naqi-progress-fill" }));
  top.append(toolbar, panel, speechBar, progress);

  const nf = new Intl.NumberFormat(ctx.uiLang, { maximumFractionDigits: 2 });
  const reflect = (prefs) => {
    const resolvedFont =
      prefs.font === "auto" ? (face === "nastaliq" ? "nastaliq" : "serif") : prefs.font;
    for (const b of panel.querySelectorAll("button[data-value]")) {
      const current = {
        font: resolvedFont,
        width: prefs.width,
        align: prefs.align,
        theme: prefs.theme,
        digits: prefs.digits,
      }[b.dataset.action];
      if (current !== undefined)
        b.setAttribute("aria-pressed", String(b.dataset.value === current));
    }
    const tashkeel = panel.querySelector('button[data-action="tashkeel"]');
    if (tashkeel) tashkeel.setAttribute("aria-pressed", String(prefs.tashkeel));
    const value = (action) => panel.querySelector(`output[data-for="${action}"]`);
    value("font-smaller").textContent = nf.format(prefs.fontSize);
    value("line-tighter").textContent = prefs.lineHeight ? nf.format(prefs.lineHeight) : t.auto;
    value("words-closer").textContent = nf.format(prefs.wordSpacing);
    panel.querySelector('button[data-action="font-smaller"]').disabled =
      prefs.fontSize <= MIN_FONT_SIZE;
    panel.querySelector('button[data-action="font-larger"]').disabled =
      prefs.fontSize >= MAX_FONT_SIZE;
    panel.querySelector('button[data-action="line-tighter"]').disabled =
      prefs.lineHeight === LINE_HEIGHTS[1];
    panel.querySelector('button[data-action="line-looser"]').disabled =
      prefs.lineHeight === LINE_HEIGHTS.at(-1);
    panel.querySelector('button[data-action="words-closer"]').disabled =
      prefs.wordSpacing === WORD_SPACINGS[0];
    panel.querySelector('button[data-action="words-apart"]').disabled =
      prefs.wordSpacing === WORD_SPACINGS.at(-1);
    colors.hidden = prefs.theme !== "custom";
    colors.querySelector('[data-pref="background"]').value = prefs.background;
    colors.querySelector('[data-pref="foreground"]').value = prefs.foreground;
  };
  return { top, toolbar, skip, panelButton, listen, status, panel, speechBar, progress, reflect };
}
