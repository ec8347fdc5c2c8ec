import { MutationStatus } from "./mutation-status";

/** A form's submit button with its live status line beside it (success, or the server's message). */
export function SubmitRow({ label, pending, success, error, tone = "primary" }: { label: string; pending: boolean; success?: string | null; error?: string | null; tone?: "primary" | "danger" }) {
  const colours = tone === "danger" ? "bg-red-700 hover:bg-red-800" : "bg-brand-700 hover:bg-brand-800";
  return (
    <div className="flex items-center gap-4">
      <button type="submit" disabled={pending} className={`rounded px-4 py-2 font-semibold text-white disabled:opacity-60 ${colours}`}>
        {label}
      </button>
      <MutationStatus success={success} error={error} />
    </div>
  );
}
