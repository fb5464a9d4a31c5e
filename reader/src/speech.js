// Read aloud (speechSynthesis): a voice for the article's language, speed, pause/resume,
// previous/next paragraph, the spoken paragraph highlighted and kept in view, and a plain
// message when the device has no voice for the language.
// Defines: createSpeech(ctx) -> { toggle(), stop(), setRate() }.

const VOICE_WAIT_MS = 1500;
const SPEAKABLE = "p, li, h2, h3, h4, h5, h6, blockquote, figcaption, dd, dt, td";

function createSpeech(ctx) {
  const { doc, t, uiLang, bar, page, articleEl, titleEl, lang, dir, getRate, onRate } = ctx;
  const speech = globalThis.speechSynthesis;
  const Utterance = globalThis.SpeechSynthesisUtterance;
  const voiceLang = (lang || (dir === "rtl" ? "ar" : "en")).toLowerCase();
  const prefix = langPrefix(voiceLang);
  const button = (action, label, iconName) => {
    const b = el(doc, "button", {
      type: "button",
      "data-action": action,
      "aria-label": label,
      title: label,
    });
    if (iconName) b.append(icon(doc, iconName));
    return b;
  };
  const playPause = button("speech-toggle", t.pause, "pause");
  const previous = button("speech-previous", t.previous, "previous");
  const next = button("speech-next", t.next, "next");
  const stopButton = button("speech-stop", t.stop, "stop");
  const slower = button("speech-slower", t.slower);
  slower.textContent = "−";
  const faster = button("speech-faster", t.faster);
  faster.textContent = "+";
  const rateOut = el(doc, "output", { class: "naqi-rate", "aria-live": "polite" });
  const voiceSelect = el(doc, "select", {
    class: "naqi-voice",
    "aria-label": t.voice,
    title: t.voice,
  });
  const message = el(doc, "p", { class: "naqi-speech-message", role: "alert" });
  const controls = el(doc, "div", {
    class: "naqi-speech-controls",
    role: "group",
    "aria-label": t.listen,
  });
  controls.append(playPause, previous, next, stopButton, slower, rateOut, faster, voiceSelect);
  bar.append(controls, message);

  let paragraphs = [];
  let index = 0;
  let playing = false;
  let paused = false;
  let token = 0;
  let voices = [];

  const showRate = () => {
    rateOut.textContent = `${new Intl.NumberFormat(uiLang).format(getRate())}×`;
  };
  const highlight = (node) => {
    for (const old of page.querySelectorAll(".naqi-speaking"))
      old.classList.remove("naqi-speaking");
    if (!node) return;
    node.classList.add("naqi-speaking");
    const box = node.getBoundingClientRect();
    const view = (doc.defaultView || globalThis).innerHeight;
    if (box.top < 80 || box.bottom > view)
      node.scrollIntoView({ block: "center", behavior: "instant" });
  };
  const collect = () => {
    const nodes = Array.from(articleEl.querySelectorAll(SPEAKABLE)).filter(
      (node) =>
        !node.querySelector(SPEAKABLE) && !node.closest("[hidden]") && node.textContent.trim(),
    );
    return titleEl?.textContent.trim() ? [titleEl, ...nodes] : nodes;
  };
  const chosenVoice = () =>
    voices.find((v) => v.voiceURI === voiceSelect.value) || voices[0] || null;

  const speakFrom = (i) => {
    token += 1;
    const mine = token;
    speech.cancel();
    paused = false;
    if (i < 0) i = 0;
    if (i >= paragraphs.length) return finish();
    index = i;
    playing = true;
    setPlayButton();
    highlight(paragraphs[i]);
    const chunks = speechChunks(paragraphs[i].textContent);
    const voice = chosenVoice();
    chunks.forEach((chunk, n) => {
      const u = new Utterance(chunk);
      u.lang = voice ? voice.lang : voiceLang;
      try {
        if (voice) u.voice = voice;
      } catch {
        // not a voice this engine knows: the language alone picks one
      }
      u.rate = getRate();
      if (n === chunks.length - 1) {
        u.addEventListener("end", () => mine === token && playing && speakFrom(index + 1));
      }
      u.addEventListener("error", (event) => {
        if (mine === token && event.error !== "interrupted" && event.error !== "canceled") finish();
      });
      speech.speak(u);
    });
  };
  const finish = () => {
    token += 1;
    playing = false;
    paused = false;
    if (speech) speech.cancel();
    highlight(null);
    setPlayButton();
  };
  const setPlayButton = () => {
    const showPause = playing && !paused;
    playPause.replaceChildren(icon(doc, showPause ? "pause" : "play"));
    playPause.setAttribute("aria-label", showPause ? t.pause : paused ? t.resume : t.listen);
    playPause.title = playPause.getAttribute("aria-label");
  };

  const loadVoices = async () => {
    const matching = () =>
      speech
        .getVoices()
        .filter((v) => langPrefix(v.lang) === prefix)
        .sort(
          (a, b) =>
            (b.lang.toLowerCase() === voiceLang) - (a.lang.toLowerCase() === voiceLang) ||
            b.localService - a.localService,
        );
    let found = matching();
    if (!found.length) {
      // Chrome fills the list asynchronously.
      await new Promise((resolve) => {
        const timer = setTimeout(resolve, VOICE_WAIT_MS);
        speech.addEventListener("voiceschanged", function onChange() {
          if (matching().length) {
            clearTimeout(timer);
            speech.removeEventListener("voiceschanged", onChange);
            resolve();
          }
        });
      });
      found = matching();
    }
    voices = found;
    voiceSelect.replaceChildren(
      ...voices.map((v) => el(doc, "option", { value: v.voiceURI }, `${v.name} (${v.lang})`)),
    );
    return voices.length > 0;
  };

  const open = async () => {
    bar.hidden = false;
    showRate();
    if (!speech || typeof Utterance !== "function") {
      controls.hidden = true;
      message.textContent = t.noSpeech;
      return;
    }
    if (!(await loadVoices())) {
      controls.hidden = true;
      let language = voiceLang;
      try {
        language = new Intl.DisplayNames([uiLang], { type: "language" }).of(prefix) || voiceLang;
      } catch {
        // keep the tag
      }
      message.textContent = t.noVoice(language);
      return;
    }
    controls.hidden = false;
    message.textContent = "";
    paragraphs = collect();
    speakFrom(0);
  };

  const api = {
    get open() {
      return !bar.hidden;
    },
    toggle() {
      if (bar.hidden) return open();
      api.stop();
      return undefined;
    },
    stop() {
      finish();
      bar.hidden = true;
    },
    handle(action) {
      switch (action) {
        case "speech-toggle":
          if (!playing) return speakFrom(index);
          if (paused) {
            paused = false;
            speech.resume();
          } else {
            paused = true;
            speech.pause();
          }
          return setPlayButton();
        case "speech-previous":
          return speakFrom(index - 1);
        case "speech-next":
          return speakFrom(index + 1);
        case "speech-stop":
          return api.stop();
        case "speech-slower":
        case "speech-faster":
          onRate(getRate() + (action === "speech-faster" ? 0.25 : -0.25));
          showRate();
          if (playing && !paused) speakFrom(index);
          return undefined;
        default:
          return undefined;
      }
    },
    onVoiceChange() {
      if (playing) speakFrom(index);
    },
  };
  return api;
}
