"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useTRPC } from "@/app/_trpc/react";
import { DEPARTMENT_LEVEL_PREFIX, importFields, isImportField, sourceSystems } from "@/server/services/import/import.headers";
import { MutationStatus } from "./mutation-status";
import { SelectField } from "./select-field";

type Upload = { fileName: string; content: string };

async function readAsBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = "";
  for (let start = 0; start < bytes.length; start += 0x8000) binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  return btoa(binary);
}

/**
 * The import flow: upload → the detected format and column mapping (editable, remembered per
 * source) → dry run (every row's error, every change) → import, with a progress bar polled while
 * the commit runs. Uploading a corrected file starts again from the mapping.
 */
export function AdminImport() {
  const t = useTranslations("adminImport");
  const trpc = useTRPC();
  const [upload, setUpload] = useState<Upload | null>(null);
  const [mapping, setMapping] = useState<Record<string, string>>({});
  const [sourceSystem, setSourceSystem] = useState<(typeof sourceSystems)[number]>("generic");
  const analyse = useMutation(
    trpc.import.analyse.mutationOptions({
      onSuccess: (analysis) => {
        setMapping(analysis.mapping);
        setSourceSystem(analysis.sourceSystem);
      },
    }),
  );
  const dryRun = useMutation(trpc.import.dryRun.mutationOptions());
  const commit = useMutation(trpc.import.commit.mutationOptions());
  const status = useQuery({ ...trpc.import.status.queryOptions(), enabled: commit.isPending, refetchInterval: commit.isPending ? 500 : false });
  const analysis = analyse.data;
  const run = upload ? { ...upload, sourceSystem, mapping } : null;
  const levelFields = Object.keys(mapping).filter((field) => field.startsWith(DEPARTMENT_LEVEL_PREFIX));
  const fields = [...importFields, ...levelFields];
  const fieldLabel = (field: string) => (isImportField(field) ? t(`fields.${field}`) : t("levelColumn", { level: field.slice(DEPARTMENT_LEVEL_PREFIX.length) }));

  return (
    <div className="space-y-6">
      <form
        noValidate
        className="space-y-3 rounded-lg border border-slate-200 bg-white p-6 shadow-sm"
        onSubmit={async (event) => {
          event.preventDefault();
          const input = (event.currentTarget.elements.namedItem("import-file") as HTMLInputElement).files?.[0];
          if (!input) return;
          const next = { fileName: input.name, content: await readAsBase64(input) };
          setUpload(next);
          dryRun.reset();
          commit.reset();
          analyse.mutate(next);
        }}
      >
        <label htmlFor="import-file" className="block font-medium">
          {t("file")}
        </label>
        <input id="import-file" name="import-file" type="file" accept=".csv,.txt,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" className="block" />
        <div className="flex items-center gap-4">
          <button type="submit" disabled={analyse.isPending} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
            {t("upload")}
          </button>
          <MutationStatus error={analyse.error?.message} />
        </div>
      </form>

      {analysis && run ? (
        <section aria-labelledby="mapping-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <h2 id="mapping-heading" className="text-lg font-semibold">
            {t("mappingHeading")}
          </h2>
          <p>{t("detected", { source: t(`source.${analysis.sourceSystem}`), encoding: analysis.encoding, rows: analysis.rowCount })}</p>
          {analysis.remembered ? <p className="text-sm text-slate-700">{t("remembered")}</p> : null}
          <SelectField id="import-source" label={t("sourceLabel")} value={sourceSystem} width="w-auto" onChange={(value) => setSourceSystem(value as typeof sourceSystem)}>
            {sourceSystems.map((system) => (
              <option key={system} value={system}>
                {t(`source.${system}`)}
              </option>
            ))}
          </SelectField>
          <div className="grid gap-3 md:grid-cols-3">
            {fields.map((field) => (
              <SelectField
                key={field}
                id={`import-map-${field}`}
                label={fieldLabel(field)}
                compact
                value={mapping[field] ?? ""}
                onChange={(header) => {
                  const next = { ...mapping };
                  if (header === "") delete next[field];
                  else next[field] = header;
                  setMapping(next);
                }}
              >
                <option value="">{t("notMapped")}</option>
                {analysis.headers.map((header) => (
                  <option key={header} value={header}>
                    {header}
                  </option>
                ))}
              </SelectField>
            ))}
          </div>
          <div className="flex flex-wrap items-center gap-4">
            <button type="button" onClick={() => dryRun.mutate(run)} disabled={dryRun.isPending} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
              {t("dryRun")}
            </button>
            <button
              type="button"
              onClick={() => commit.mutate(run)}
              disabled={commit.isPending || !dryRun.data || dryRun.data.errors.length > 0}
              className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60"
            >
              {t("commit")}
            </button>
            <MutationStatus error={dryRun.error?.message ?? commit.error?.message} />
          </div>
          {commit.isPending ? (
            <div>
              <label htmlFor="import-progress" className="text-sm">
                {t("progress")}
              </label>
              <progress id="import-progress" className="block w-full" max={Math.max(1, status.data?.rowsTotal ?? 1)} value={status.data?.running ? status.data.rowsDone : 0} />
            </div>
          ) : null}
          {commit.data ? (
            <p role="status" className={commit.data.status === "committed" ? "text-green-800" : "text-red-800"}>
              {commit.data.status === "committed" ? t("committed", commit.data.counts) : t("failed")}
            </p>
          ) : null}
        </section>
      ) : null}

      {dryRun.data ? (
        <section aria-labelledby="result-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
          <h2 id="result-heading" className="text-lg font-semibold">
            {t("resultHeading")}
          </h2>
          <p>{t("counts", dryRun.data.counts)}</p>
          {dryRun.data.errors.length > 0 ? (
            <>
              <h3 className="font-semibold text-red-800">{t("errorsHeading")}</h3>
              <ul className="list-disc pl-6 text-red-800">
                {dryRun.data.errors.map((error, index) => (
                  <li key={index}>{t("errorRow", { line: error.line, column: error.column, value: error.value, reason: t(`rowErrors.${error.code}`) })}</li>
                ))}
              </ul>
            </>
          ) : null}
          {dryRun.data.changes.length > 0 ? (
            <>
              <h3 className="font-semibold">{t("changesHeading")}</h3>
              <ul className="divide-y divide-slate-200">
                {dryRun.data.changes.map((change, index) => (
                  <li key={index} className="py-1">
                    <span className="mr-3 font-medium">{t(`change.${change.kind}`)}</span>
                    {change.employeeNumber ? <span className="mr-3 text-slate-700">{change.employeeNumber}</span> : null}
                    {change.name}
                  </li>
                ))}
              </ul>
              {dryRun.data.changesTruncated ? <p className="text-sm">{t("changesTruncated")}</p> : null}
            </>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
