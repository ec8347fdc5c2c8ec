"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useTRPC } from "@/app/_trpc/react";

/** Admin: sign a person out on every device (a lost laptop, a leaver). */
export function RevokeSessionsButton({ personId }: { personId: number }) {
  const t = useTranslations("admin");
  const trpc = useTRPC();
  const revoke = useMutation(trpc.session.revoke.mutationOptions());
  return (
    <section aria-labelledby="admin-heading" className="rounded-lg border border-amber-300 bg-amber-50 p-6">
      <h2 id="admin-heading" className="text-lg font-semibold">
        {t("heading")}
      </h2>
      <button
        type="button"
        disabled={revoke.isPending}
        onClick={() => revoke.mutate({ personId })}
        className="mt-3 rounded border border-amber-700 px-3 py-1 text-amber-900 hover:bg-amber-100 disabled:opacity-60"
      >
        {t("revokeSessions")}
      </button>
      <p aria-live="polite" className="mt-2 text-sm">
        {revoke.data ? t("revoked", { count: revoke.data.revoked }) : null}
        {revoke.error ? <span role="alert">{revoke.error.message}</span> : null}
      </p>
    </section>
  );
}
