"use client";

import { useTranslations } from "next-intl";
import { pick } from "@/app/_i18n/localized";
import type { OrganisationOptions } from "@/server/services/organisation/organisation.schemas";

/*
 * The <option> lists the organisation forms share: departments indented by depth (in the tree's
 * order), open roles, and active people by kana reading with their employee number.
 */

export function DepartmentOptions({ options, locale }: { options: OrganisationOptions; locale: string }) {
  return options.departments.map((department) => (
    <option key={department.id} value={department.id}>
      {`${"　".repeat(department.depth)}${pick(department.name, locale)}`}
    </option>
  ));
}

export function RoleOptions({ options, locale }: { options: OrganisationOptions; locale: string }) {
  return options.roles.map((role) => (
    <option key={role.id} value={role.id}>
      {pick(role.name, locale)}
    </option>
  ));
}

/** Active people, with a first "nobody" choice. */
export function PersonOptions({ options, locale, except }: { options: OrganisationOptions; locale: string; except?: number }) {
  const t = useTranslations("adminPeople");
  return (
    <>
      <option value="">{t("nobody")}</option>
      {options.people
        .filter((person) => person.id !== except)
        .map((person) => (
          <option key={person.id} value={person.id}>
            {`${locale === "en" ? person.romanizedName : person.name} (${person.employeeNumber})`}
          </option>
        ))}
    </>
  );
}

export function LevelOptions() {
  return [1, 2, 3, 4].map((level) => (
    <option key={level} value={level}>
      {level}
    </option>
  ));
}

/** A select's value as an id, or null for "nobody". */
export const idOrNull = (value: string) => (value === "" ? null : Number(value));
