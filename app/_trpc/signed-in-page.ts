import "server-only";
import { setRequestLocale } from "next-intl/server";
import { redirect } from "@/app/_i18n/navigation";
import { getRequestContext } from "@/app/_trpc/server";

/**
 * How every page for signed-in people starts: it renders in its route's language, and a signed-out
 * visitor goes to the sign-in page. Returns the route's params with the signed-in actor.
 */
export async function signedInPage<RouteParams extends { locale: string }>(params: Promise<RouteParams>) {
  const route = await params;
  setRequestLocale(route.locale);
  const { actor } = await getRequestContext();
  if (!actor) return redirect({ href: "/signin", locale: route.locale });
  return { ...route, actor };
}
