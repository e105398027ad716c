// The colour theme: the person's choice (system, light or dark) kept in localStorage, applied as
// the `dark` class on <html> (Tailwind's dark variant is class-based, app/globals.css). The same
// rule runs before the first paint (THEME_SCRIPT, inlined in the root layout) and after each change.
export const THEMES = ["system", "light", "dark"] as const;
export type ThemeChoice = (typeof THEMES)[number];
export type ResolvedTheme = "light" | "dark";

export const THEME_KEY = "switchyard-theme";
const CHANGED = "switchyard-theme-change";
const DARK_QUERY = "(prefers-color-scheme: dark)";

export function isThemeChoice(value: unknown): value is ThemeChoice {
  return (THEMES as readonly unknown[]).includes(value);
}

export function storedChoice(): ThemeChoice {
  try {
    const value = localStorage.getItem(THEME_KEY);
    return isThemeChoice(value) ? value : "system";
  } catch {
    return "system";
  }
}

export function resolve(choice: ThemeChoice, systemDark: boolean): ResolvedTheme {
  return choice === "dark" || (choice === "system" && systemDark) ? "dark" : "light";
}

export function applyTheme(choice: ThemeChoice = storedChoice()): void {
  const dark = resolve(choice, window.matchMedia(DARK_QUERY).matches) === "dark";
  const root = document.documentElement;
  root.classList.toggle("dark", dark);
  root.style.colorScheme = dark ? "dark" : "light";
}

export function chooseTheme(choice: ThemeChoice): void {
  try {
    localStorage.setItem(THEME_KEY, choice);
  } catch {
    // Private mode: the choice lasts for this page only.
  }
  applyTheme(choice);
  window.dispatchEvent(new Event(CHANGED));
}

/** Calls `onChange` when the choice, the system's scheme or another tab's choice changes. */
export function subscribeTheme(onChange: () => void): () => void {
  const media = window.matchMedia(DARK_QUERY);
  const onSystem = () => {
    applyTheme();
    onChange();
  };
  const onStorage = (e: StorageEvent) => e.key === THEME_KEY && onSystem();
  media.addEventListener("change", onSystem);
  window.addEventListener("storage", onStorage);
  window.addEventListener(CHANGED, onChange);
  return () => {
    media.removeEventListener("change", onSystem);
    window.removeEventListener("storage", onStorage);
    window.removeEventListener(CHANGED, onChange);
  };
}

/** Runs in <head> before the first paint, so a dark page never flashes light. */
export const THEME_SCRIPT = `(function(){try{var c=localStorage.getItem(${JSON.stringify(THEME_KEY)});var d=c==="dark"||(c!=="light"&&matchMedia(${JSON.stringify(DARK_QUERY)}).matches);var r=document.documentElement;r.classList.toggle("dark",d);r.style.colorScheme=d?"dark":"light"}catch(e){}})()`;
