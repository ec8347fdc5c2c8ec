import "server-only";
import { redirect } from "@/app/_i18n/navigation";
import { getRequestContext } from "@/app/_trpc/server";

/** Pages for signed-in people send a signed-out visitor to the sign-in page. */
export async function requireActor(locale: string) {
  const { actor } = await getRequestContext();
  if (!actor) return redirect({ href: "/signin", locale });
  return actor;
}
