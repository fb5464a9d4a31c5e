// The options page: reading-view defaults, the language of the view's buttons, sites where
// the view opens by itself, and extra related-content headings. Everything goes to
// chrome.storage.sync as soon as it changes; the worker reacts to `autoSites` changes.
"use strict";

const { loadOptions, siteFromInput, originPatternFor } = globalThis.NaqiShared;
const $ = (id) => document.getElementById(id);
const t = (name) => chrome.i18n.getMessage(name);

function localize() {
  // From the messages themselves: the browser may pick a locale for them that differs from
  // its own interface language (what @@bidi_dir follows).
  document.documentElement.lang = t("lang");
  document.documentElement.dir = t("dir");
  for (const node of document.querySelectorAll("[data-i18n]"))
    node.textContent = t(node.dataset.i18n);
  for (const node of document.querySelectorAll("[data-i18n-placeholder]")) {
    node.placeholder = t(node.dataset.i18nPlaceholder);
  }
}

let statusTimer;
function say(message) {
  $("status").textContent = message;
  clearTimeout(statusTimer);
  statusTimer = setTimeout(() => ($("status").textContent = ""), 3000);
}

async function save(values) {
  await chrome.storage.sync.set(values);
  say(t("optionsSaved"));
}

async function renderSites(sites) {
  const list = $("sites");
  list.replaceChildren();
  for (const site of sites) {
    const item = document.createElement("li");
    const name = document.createElement("span");
    name.className = "site";
    name.dir = "ltr";
    name.textContent = site;
    item.append(name);
    if (!(await chrome.permissions.contains({ origins: [originPatternFor(site)] }))) {
      const missing = document.createElement("span");
      missing.className = "missing";
      missing.textContent = t("optionsAutoNoPermission");
      item.append(missing);
    }
    const remove = document.createElement("button");
    remove.type = "button";
    remove.textContent = t("optionsAutoRemove");
    remove.dataset.site = site;
    remove.addEventListener("click", () => removeSite(site));
    item.append(remove);
    list.append(item);
  }
  $("sites-empty").hidden = sites.length > 0;
}

async function addSite(event) {
  event.preventDefault();
  const site = siteFromInput($("site-input").value);
  if (!site) {
    say(t("optionsAutoInvalid"));
    return;
  }
  // Must be the first await: the permission prompt needs the click's user gesture.
  const granted = await chrome.permissions.request({ origins: [originPatternFor(site)] });
  if (!granted) {
    say(t("optionsAutoDenied"));
    return;
  }
  const { autoSites } = await loadOptions();
  const next = [...new Set([...autoSites, site])];
  await save({ autoSites: next });
  $("site-input").value = "";
  await renderSites(next);
}

async function removeSite(site) {
  const { autoSites } = await loadOptions();
  const next = autoSites.filter((s) => s !== site);
  await save({ autoSites: next });
  // The permission was asked for this site only; give it back.
  await chrome.permissions.remove({ origins: [originPatternFor(site)] }).catch(() => false);
  await renderSites(next);
}

/** The readable badge needs to read every page: the optional permission for all sites. */
const ALL_SITES = "*://*/*";

async function toggleBadge() {
  const box = $("readableBadge");
  if (!box.checked) {
    await save({ readableBadge: false });
    return;
  }
  // Must be the first await: the permission prompt needs the click's user gesture.
  const granted = await chrome.permissions.request({ origins: [ALL_SITES] });
  if (!granted) {
    box.checked = false;
    say(t("optionsAutoDenied"));
    return;
  }
  await save({ readableBadge: true });
}

async function main() {
  localize();
  const options = await loadOptions();
  const prefs = { ...globalThis.NaqiReader.DEFAULT_PREFS, ...options.prefs };

  for (const control of document.querySelectorAll("[data-pref]")) {
    const key = control.dataset.pref;
    control.value = String(prefs[key]);
    control.addEventListener("change", async () => {
      const { prefs: current } = await loadOptions();
      const value = control.type === "number" ? Number(control.value) : control.value;
      await save({ prefs: { ...current, [key]: value } });
    });
  }

  $("uiLang").value = options.uiLang;
  $("uiLang").addEventListener("change", () => save({ uiLang: $("uiLang").value }));

  $("labels").value = options.extraLabels.join("\n");
  $("labels").addEventListener("change", () => {
    const labels = $("labels")
      .value.split("\n")
      .map((line) => line.trim())
      .filter(Boolean);
    return save({ extraLabels: [...new Set(labels)] });
  });

  const commands = await chrome.commands.getAll();
  const shortcut = commands.find((c) => c.name === "_execute_action")?.shortcut;
  $("shortcut").textContent = shortcut
    ? chrome.i18n.getMessage("optionsShortcut", [shortcut])
    : t("optionsShortcutNone");

  $("readableBadge").checked = options.readableBadge === true;
  $("readableBadge").addEventListener("change", toggleBadge);

  $("add-site").addEventListener("submit", addSite);
  await renderSites(options.autoSites);
  document.body.dataset.ready = "true";
}

main().catch((error) => console.error("naqi options:", error));
