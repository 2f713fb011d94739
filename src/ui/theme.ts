/** PatternFly 6 switches to its dark theme when <html> has this class. */
export const DARK_THEME_CLASS = 'pf-v6-theme-dark';

const QUERY = '(prefers-color-scheme: dark)';

/**
 * Follow the operating system's colour scheme: set or clear the PatternFly
 * dark-theme class on <html> now and whenever the preference changes.
 * Returns a function that stops following.
 */
export function followColorScheme(win: Window = window): () => void {
  const root = win.document.documentElement;
  if (typeof win.matchMedia !== 'function') return () => {};
  const media = win.matchMedia(QUERY);
  const apply = (dark: boolean) => root.classList.toggle(DARK_THEME_CLASS, dark);
  apply(media.matches);
  const onChange = (event: MediaQueryListEvent) => apply(event.matches);
  media.addEventListener('change', onChange);
  return () => media.removeEventListener('change', onChange);
}
