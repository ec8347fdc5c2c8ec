import type { ReactNode } from "react";

type Props = {
  /** Shown while the request runs, e.g. "saving…". */
  pending?: ReactNode;
  /** Shown once it succeeded. */
  success?: ReactNode;
  /** The server's message when it failed; announced at once. */
  error?: string | null;
  className?: string;
};

/** The live line beside a form's button: screen readers hear progress, success and errors as they come. */
export function MutationStatus({ pending, success, error, className = "text-sm" }: Props) {
  return (
    <p aria-live="polite" className={className}>
      {pending}
      {success}
      {error ? (
        <span role="alert" className="text-red-800">
          {error}
        </span>
      ) : null}
    </p>
  );
}
