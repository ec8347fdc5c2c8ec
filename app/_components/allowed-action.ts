import type { AllowedAction } from "@/server/services/workflow/transitions";

/** The server's word on whether the viewer may take `action` now (undefined: they may not). */
export function allowedAction(view: { allowedActions: readonly AllowedAction[] }, action: AllowedAction["action"]): AllowedAction | undefined {
  return view.allowedActions.find((allowed) => allowed.action === action);
}
