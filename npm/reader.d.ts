// Types of the `naqi/reader` entry: the reading view of naqi's extension, for a site's pages.
import type { Article } from "./index.js";

export type { Article };

/** The article fields the view reads: what `extract()` returns, or enough of it by hand. */
export type ReaderArticle = Pick<Article, "title" | "contentHtml" | "dir"> &
  Partial<Omit<Article, "title" | "contentHtml" | "dir">>;

export type ReaderTheme = "light" | "sepia" | "dark" | "custom";
export type ReaderWidth = "narrow" | "medium" | "wide";
/** `auto`: Naskh for Arabic and Persian, Nastaliq for Urdu, a serif face for Latin. */
export type ReaderFont = "auto" | "serif" | "sans" | "nastaliq";
export type ReaderAlign = "start" | "justify";
/** `auto`: digits as the article writes them. */
export type ReaderDigits = "auto" | "arabic" | "persian" | "western";
/** Languages of the view's own interface (buttons, labels). */
export type UiLang = "ar" | "en" | "fa" | "ur";

/** The reader's preferences. Invalid values fall back to `DEFAULT_PREFS`. */
export interface ReaderPrefs {
  theme: ReaderTheme;
  /** Text size in px, 14 to 32. */
  fontSize: number;
  width: ReaderWidth;
  font: ReaderFont;
  /** 0 (the script's own) or 1.4 to 2.6. */
  lineHeight: number;
  /** Word spacing in em, 0 to 0.4. */
  wordSpacing: number;
  align: ReaderAlign;
  digits: ReaderDigits;
  /** `false` hides Arabic diacritics. */
  tashkeel: boolean;
  /** The `custom` theme's colours, `#rrggbb`. */
  background: string;
  foreground: string;
  /** Read-aloud speed, 0.5 to 2. */
  rate: number;
}

export interface ReaderOptions {
  /** Starting preferences; missing ones are the defaults. */
  prefs?: Partial<ReaderPrefs>;
  /** `auto` (default): the browser's language when the view speaks it, else English; `article`: the article's. */
  uiLang?: UiLang | "auto" | "article";
  /**
   * URL of a folder holding the package's `fonts/` files (served by the site, same origin under a
   * strict CSP). Without it the view uses the system's faces.
   */
  fonts?: string | URL;
  /**
   * The document the article was extracted from, so a removed block can be shown where it stood.
   * `openReader`: the current document unless `null`; `renderArticle`: none unless given.
   */
  source?: Document | null;
  /** Called once the view has closed: by its close button, Escape, `closeReader()` or `unmount()`. */
  onClose?: () => void;
  /** Called with every preference after the user changes one (never for `setPrefs`). */
  onPrefsChange?: (prefs: ReaderPrefs) => void;
}

/** A view on the page. */
export interface ReaderHandle {
  /** The element holding the view (`<naqi-reader>`, its shadow root closed). */
  readonly host: HTMLElement;
  /** Merges partial preferences into the current ones and applies them. */
  setPrefs(prefs: Partial<ReaderPrefs>): void;
  /** Closes the view and removes its host; nothing happens the second time. */
  unmount(): void;
}

/**
 * Shows the article over the whole page, as naqi's extension does: the page's own content is
 * hidden and inert until the view closes, then comes back as it was (scroll position and focus
 * included). One view at a time: opening another closes the first.
 */
export function openReader(article: ReaderArticle, options?: ReaderOptions): ReaderHandle;

/** Closes the view `openReader` opened. Returns `false` when none was open. */
export function closeReader(): boolean;

/**
 * Shows the article inside `container`, an element of the site's own layout (a `<naqi-reader>`
 * host is appended to it). Rendering into the same container again replaces the previous view.
 */
export function renderArticle(
  article: ReaderArticle,
  container: Element,
  options?: ReaderOptions,
): ReaderHandle;

export interface MountOptions extends Omit<ReaderOptions, "onClose"> {
  /** Close button and Escape; without it the close button unmounts the view. */
  onClose?: () => void;
  /** `true`: the view covers the page (`host` must be a child of `<html>`). */
  fullPage?: boolean;
}

/** The lower-level call behind both: renders into a host element the caller owns and removes. */
export function mount(
  host: Element,
  article: ReaderArticle,
  options?: MountOptions,
): { setPrefs(prefs: Partial<ReaderPrefs>): void; unmount(): void };

export const DEFAULT_PREFS: Readonly<ReaderPrefs>;
export const UI_LANGS: readonly UiLang[];
