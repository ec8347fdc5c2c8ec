"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useTRPC } from "@/app/_trpc/react";
import { MutationStatus } from "./mutation-status";

type Target = "open" | "closed" | "filled";

/** The moves the service allows from each status (opportunity.service.ts `setOpportunityStatus`). */
const nextStatuses: Record<string, Target[]> = { draft: ["open", "closed"], open: ["closed", "filled"], closed: ["open"], filled: [] };

/**
 * Open, close or fill a posting. The server enforces the minimum open period; its translated
 * refusal is shown here as it comes.
 */
export function OpportunityStatusControls({ opportunityId, status }: { opportunityId: number; status: string }) {
  const t = useTranslations("opportunities.manage");
  const trpc = useTRPC();
  const router = useRouter();
  const setStatus = useMutation(trpc.opportunity.setStatus.mutationOptions({ onSuccess: () => router.refresh() }));
  const targets = nextStatuses[status] ?? [];
  if (targets.length === 0) return null;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        {targets.map((target) => (
          <button
            key={target}
            type="button"
            disabled={setStatus.isPending}
            onClick={() => setStatus.mutate({ opportunityId, status: target })}
            className={
              target === "open"
                ? "rounded bg-brand-700 px-3 py-1.5 font-semibold text-white hover:bg-brand-800 disabled:opacity-60"
                : "rounded border border-slate-400 px-3 py-1.5 font-semibold hover:bg-slate-100 disabled:opacity-60"
            }
          >
            {t(`to.${status === "closed" && target === "open" ? "reopen" : target}`)}
          </button>
        ))}
      </div>
      <MutationStatus error={setStatus.error?.message} />
    </div>
  );
}
