import { describe, expect, it } from "vitest";
import { comboboxKeyAction } from "../../app/_components/combobox-keys";

const open = (activeIndex: number, optionCount = 3) => ({ open: true, activeIndex, optionCount });
const closed = { open: false, activeIndex: -1, optionCount: 3 };

describe("combobox keys", () => {
  it("move down from nothing to the first option, then on, wrapping to the first", () => {
    expect(comboboxKeyAction("ArrowDown", open(-1))).toEqual({ kind: "move", activeIndex: 0 });
    expect(comboboxKeyAction("ArrowDown", open(0))).toEqual({ kind: "move", activeIndex: 1 });
    expect(comboboxKeyAction("ArrowDown", open(2))).toEqual({ kind: "move", activeIndex: 0 });
  });

  it("move up from nothing to the last option, wrapping from the first to the last", () => {
    expect(comboboxKeyAction("ArrowUp", open(-1))).toEqual({ kind: "move", activeIndex: 2 });
    expect(comboboxKeyAction("ArrowUp", open(2))).toEqual({ kind: "move", activeIndex: 1 });
    expect(comboboxKeyAction("ArrowUp", open(0))).toEqual({ kind: "move", activeIndex: 2 });
  });

  it("open a closed list at its first option, ignoring a stale active option", () => {
    expect(comboboxKeyAction("ArrowDown", { ...closed, activeIndex: 2 })).toEqual({ kind: "move", activeIndex: 0 });
  });

  it("start again when the list shrank under the active option", () => {
    expect(comboboxKeyAction("ArrowDown", open(5))).toEqual({ kind: "move", activeIndex: 0 });
  });

  it("have nothing to activate in an empty list", () => {
    expect(comboboxKeyAction("ArrowDown", open(-1, 0))).toEqual({ kind: "move", activeIndex: -1 });
  });

  it("choose the active option with Enter", () => {
    expect(comboboxKeyAction("Enter", open(1))).toEqual({ kind: "choose", activeIndex: 1 });
  });

  it("never let Enter submit the form when nothing is active or the list is closed", () => {
    expect(comboboxKeyAction("Enter", open(-1))).toEqual({ kind: "ignore" });
    expect(comboboxKeyAction("Enter", closed)).toEqual({ kind: "ignore" });
  });

  it("close an open list with Escape, and leave Escape alone when it is closed", () => {
    expect(comboboxKeyAction("Escape", open(1))).toEqual({ kind: "close" });
    expect(comboboxKeyAction("Escape", closed)).toEqual({ kind: "pass" });
  });

  it("leave typing and Tab to the input", () => {
    expect(comboboxKeyAction("a", open(1))).toEqual({ kind: "pass" });
    expect(comboboxKeyAction("Tab", open(1))).toEqual({ kind: "pass" });
  });
});
