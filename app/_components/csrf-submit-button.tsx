"use client";

import { getCsrfToken } from "next-auth/react";
import { type ReactNode, useEffect, useState } from "react";

let csrfToken: Promise<string | undefined> | undefined;

/**
 * A form's submit button with next-auth's CSRF token in a hidden `csrfToken` field (fetched once per
 * page from /api/auth/csrf, which also sets the cookie it is checked against); disabled until the
 * token is there, so the form is never sent without it.
 */
export function CsrfSubmitButton({ className, children }: { className?: string; children: ReactNode }) {
  const [token, setToken] = useState<string>();
  useEffect(() => {
    let current = true;
    // A failed fetch is forgotten, so the next page load asks again; the button stays disabled.
    csrfToken ??= getCsrfToken().catch(() => {
      csrfToken = undefined;
      return undefined;
    });
    void csrfToken.then((value) => {
      if (current) setToken(value);
    });
    return () => {
      current = false;
    };
  }, []);
  return (
    <>
      <input type="hidden" name="csrfToken" value={token ?? ""} />
      <button type="submit" disabled={!token} className={className}>
        {children}
      </button>
    </>
  );
}
