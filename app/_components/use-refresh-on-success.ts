"use client";

import { useRouter } from "next/navigation";

/** Mutation options that read the page's server data again once the change succeeded, so every list follows it. */
export function useRefreshOnSuccess() {
  const router = useRouter();
  return { onSuccess: () => router.refresh() };
}

/** The server's message when it named no field: a field's own message is shown beside the field instead. */
export function formError(error: { message: string; data?: { fieldErrors?: Record<string, string> } | null } | null): string | null {
  return error && Object.keys(error.data?.fieldErrors ?? {}).length === 0 ? error.message : null;
}
