/** The kinds of path on the career map (db enum `career_path_kind`). */
export type PathKind = "promotion" | "specialist" | "cross_functional";

/**
 * How each kind of path is drawn — in the picture and in its legend alike: a colour plus a dash
 * pattern, so the kinds differ without colour too.
 */
export const pathStyles: Record<PathKind, { stroke: string; dash?: string; width: number }> = {
  promotion: { stroke: "#3730a3", width: 2.5 },
  specialist: { stroke: "#0f766e", dash: "8 5", width: 2 },
  cross_functional: { stroke: "#b45309", dash: "2 5", width: 2 },
};

export const pathKinds: readonly PathKind[] = ["promotion", "specialist", "cross_functional"];

/** The picture's view controls (message keys under `careerMap`), drawn alike while it loads. */
export const pictureControls = ["zoomIn", "zoomOut", "fitView", "focusMe"] as const;
export const pictureControlClass = "rounded border border-slate-400 bg-white px-3 py-1 text-sm hover:bg-slate-50";
export const pictureControlsRowClass = "mb-2 flex flex-wrap items-center gap-2";
export const pictureHeightClass = "h-[600px]";
