"use client";

import { signOut } from "next-auth/react";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { clearClientCaches } from "@/app/_trpc/react";

/** Ends the session on the server and forgets every cached query in this browser. */
export function SignOutButton() {
  const t = useTranslations("nav");
  const locale = useLocale();
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      disabled={pending}
      onClick={async () => {
        setPending(true);
        clearClientCaches();
        await signOut({ callbackUrl: `/${locale}/signin` });
      }}
      className="rounded border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100 disabled:opacity-60"
    >
      {t("signOut")}
    </button>
  );
}
