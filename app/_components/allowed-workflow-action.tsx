import type { ComponentProps } from "react";
import type { AllowedAction } from "@/server/services/workflow/transitions";
import { allowedAction } from "./allowed-action";
import { WorkflowAction } from "./workflow-action";

type Props = Omit<ComponentProps<typeof WorkflowAction>, "applicationId" | "version" | "allowed"> & {
  application: { id: number; version: number; allowedActions: readonly AllowedAction[] };
  action: AllowedAction["action"];
};

/**
 * The control of one workflow step when the server allows it to the viewer, else nothing. Keyed by
 * the application's version, so after every change the control starts afresh (a new idempotency key).
 */
export function AllowedWorkflowAction({ application, action, ...control }: Props) {
  const allowed = allowedAction(application, action);
  if (!allowed) return null;
  return <WorkflowAction key={`${application.id}-${application.version}-${action}`} applicationId={application.id} version={application.version} allowed={allowed} {...control} />;
}
