"use client";

import { signIn } from "next-auth/react";
import { useLocale, useTranslations } from "next-intl";

/** Starts sign-in with the company's OpenID Connect provider. */
export function OidcSignInButton({ providerName }: { providerName: string }) {
  const t = useTranslations("signIn");
  const locale = useLocale();
  return (
    <button
      type="button"
      onClick={() => signIn("oidc", { callbackUrl: `/${locale}` })}
      className="rounded-lg bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800"
    >
      {t("withProvider", { provider: providerName })}
    </button>
  );
}
