/**
 * What a key pressed in a combobox's input does (ARIA combobox pattern, list autocomplete): the
 * arrows open the list and move the active option, wrapping at both ends; Enter chooses the active
 * option; Escape closes the list. Pure, so the keyboard behaviour is tested without a browser.
 */
export type ComboboxKeyState = { open: boolean; activeIndex: number; optionCount: number };

export type ComboboxKeyAction =
  | { kind: "move"; activeIndex: number }
  | { kind: "choose"; activeIndex: number }
  | { kind: "close" }
  /** Swallow the key: Enter in the search box never submits the surrounding form. */
  | { kind: "ignore" }
  /** Not a combobox key: let the input handle it (typing, Tab…). */
  | { kind: "pass" };

export function comboboxKeyAction(key: string, { open, activeIndex, optionCount }: ComboboxKeyState): ComboboxKeyAction {
  switch (key) {
    case "ArrowDown":
    case "ArrowUp": {
      if (optionCount === 0) return { kind: "move", activeIndex: -1 };
      const step = key === "ArrowDown" ? 1 : -1;
      const current = open ? activeIndex : -1;
      if (current < 0 || current >= optionCount) return { kind: "move", activeIndex: step === 1 ? 0 : optionCount - 1 };
      return { kind: "move", activeIndex: (current + step + optionCount) % optionCount };
    }
    case "Enter":
      return open && activeIndex >= 0 && activeIndex < optionCount ? { kind: "choose", activeIndex } : { kind: "ignore" };
    case "Escape":
      return open ? { kind: "close" } : { kind: "pass" };
    default:
      return { kind: "pass" };
  }
}
