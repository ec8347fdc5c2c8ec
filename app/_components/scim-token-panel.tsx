"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useRouter } from "@/app/_i18n/navigation";
import { useTRPC } from "@/app/_trpc/react";
import { SCIM_TOKEN_NAME_MAX } from "@/server/services/scim/scim.schemas";
import { MutationStatus } from "./mutation-status";
import { SubmitRow } from "./submit-row";
import { TextField } from "./text-field";
import { useFieldErrors } from "./use-field-errors";

export type ScimTokenView = { id: number; name: string; createdBy: string; createdAt: string; lastUsedAt: string | null; revokedAt: string | null };

/** The token list with create, rotate and revoke; a new secret is shown here once and never again. */
export function ScimTokenPanel({ tokens }: { tokens: ScimTokenView[] }) {
  const t = useTranslations("adminScim");
  const trpc = useTRPC();
  const router = useRouter();
  const [name, setName] = useState("");
  const [issued, setIssued] = useState<{ name: string; token: string } | null>(null);
  const create = useMutation(
    trpc.scim.createToken.mutationOptions({
      onSuccess: (result, input) => {
        setIssued({ name: input.name, token: result.token });
        setName("");
        router.refresh();
      },
    }),
  );
  const rotate = useMutation(trpc.scim.rotateToken.mutationOptions({ onSuccess: () => router.refresh() }));
  const revoke = useMutation(trpc.scim.revokeToken.mutationOptions({ onSuccess: () => router.refresh() }));
  const { errorFor } = useFieldErrors(create.error);
  const rowError = rotate.error?.message ?? revoke.error?.message ?? null;
  return (
    <>
      <form
        noValidate
        aria-labelledby="new-token-heading"
        className="space-y-3 rounded-lg border border-slate-200 bg-white p-6 shadow-sm"
        onSubmit={(event) => {
          event.preventDefault();
          setIssued(null);
          create.mutate({ name });
        }}
      >
        <h2 id="new-token-heading" className="text-lg font-semibold">
          {t("newHeading")}
        </h2>
        <TextField id="scim-token-name" label={t("name")} hint={t("nameHint")} error={errorFor("name")} maxLength={SCIM_TOKEN_NAME_MAX} value={name} onChange={setName} />
        <SubmitRow label={t("create")} pending={create.isPending} error={create.error?.message} />
      </form>
      {issued ? (
        <section aria-labelledby="issued-heading" role="status" className="rounded-lg border border-amber-300 bg-amber-50 p-6">
          <h2 id="issued-heading" className="text-lg font-semibold">
            {t("issuedHeading", { name: issued.name })}
          </h2>
          <p className="mt-2 text-sm">{t("issuedOnce")}</p>
          <p className="mt-3">
            <code data-testid="scim-token-secret" className="block break-all rounded bg-white px-3 py-2 font-mono text-sm">
              {issued.token}
            </code>
          </p>
          <button type="button" onClick={() => setIssued(null)} className="mt-3 rounded border border-amber-700 px-3 py-1 text-amber-900 hover:bg-amber-100">
            {t("dismiss")}
          </button>
        </section>
      ) : null}
      <section aria-labelledby="tokens-heading" className="space-y-2">
        <h2 id="tokens-heading" className="text-lg font-semibold">
          {t("listHeading")}
        </h2>
        {tokens.length === 0 ? (
          <p className="text-slate-700">{t("empty")}</p>
        ) : (
          <table className="w-full border-collapse rounded-lg border border-slate-200 bg-white text-sm">
            <thead>
              <tr className="text-left">
                <th scope="col" className="p-2">{t("name")}</th>
                <th scope="col" className="p-2">{t("createdBy")}</th>
                <th scope="col" className="p-2">{t("createdAt")}</th>
                <th scope="col" className="p-2">{t("lastUsedAt")}</th>
                <th scope="col" className="p-2">{t("state")}</th>
                <th scope="col" className="p-2">{t("actions")}</th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((token) => (
                <tr key={token.id} className="border-t border-slate-200">
                  <th scope="row" className="p-2 text-left font-medium">{token.name}</th>
                  <td className="p-2">{token.createdBy}</td>
                  <td className="p-2">{token.createdAt}</td>
                  <td className="p-2">{token.lastUsedAt ?? t("neverUsed")}</td>
                  <td className="p-2">{token.revokedAt ? t("revokedOn", { date: token.revokedAt }) : t("live")}</td>
                  <td className="p-2">
                    {token.revokedAt ? null : (
                      <div className="flex gap-2">
                        <button
                          type="button"
                          disabled={rotate.isPending}
                          aria-label={t("rotateNamed", { name: token.name })}
                          onClick={() => rotate.mutate({ tokenId: token.id }, { onSuccess: (result) => setIssued({ name: token.name, token: result.token }) })}
                          className="rounded border border-brand-700 px-3 py-1 text-brand-700 hover:bg-slate-100 disabled:opacity-60"
                        >
                          {t("rotate")}
                        </button>
                        <button
                          type="button"
                          disabled={revoke.isPending}
                          aria-label={t("revokeNamed", { name: token.name })}
                          onClick={() => revoke.mutate({ tokenId: token.id })}
                          className="rounded border border-red-700 px-3 py-1 text-red-700 hover:bg-red-50 disabled:opacity-60"
                        >
                          {t("revoke")}
                        </button>
                      </div>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <MutationStatus error={rowError} />
      </section>
    </>
  );
}
