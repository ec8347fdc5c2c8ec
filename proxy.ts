import createMiddleware from "next-intl/middleware";
import { routing } from "./app/_i18n/routing";

/*
 * Locale routing only: picks ja/en from the URL, the NEXT_LOCALE cookie or Accept-Language.
 * It is a convenience redirect, never an access guard — every page and procedure checks access
 * itself, because several Next.js advisories bypassed middleware.
 */
export default createMiddleware(routing);

export const config = {
  matcher: ["/((?!api|_next|_vercel|.*\\..*).*)"],
};
