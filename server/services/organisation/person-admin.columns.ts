import { people } from "@/db/schema";

/*
 * The groups of a person's columns the administration reads and changes together: the person
 * form shows all of them, and each service locks the row and compares one group before and after.
 */

/** Identity: numbers, names and readings, e-mail, hire date. */
export const detailColumns = {
  employeeNumber: people.employeeNumber,
  familyName: people.familyName,
  givenName: people.givenName,
  familyNameKana: people.familyNameKana,
  givenNameKana: people.givenNameKana,
  businessName: people.businessName,
  romanizedName: people.romanizedName,
  email: people.email,
  hiredOn: people.hiredOn,
};

/** The primary post, and whether the person is active at all. */
export const postColumns = { departmentId: people.departmentId, roleId: people.roleId, level: people.level, managerId: people.managerId, active: people.active };

export const accessColumns = { isHr: people.isHr, isAdmin: people.isAdmin };
