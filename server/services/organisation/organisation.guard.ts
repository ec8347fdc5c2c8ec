import type { Actor } from "@/server/auth/actor";
import { canAdministerOrganisation } from "@/server/auth/policies";
import { AppError } from "@/server/errors";

/** Every organisation service starts here: the router's tier already refused others; this keeps the services safe when called directly. */
export function requireOrganisationAdmin(actor: Actor): void {
  if (!canAdministerOrganisation(actor)) throw new AppError("FORBIDDEN");
}
