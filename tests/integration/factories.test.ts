import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { createDepartment, createPerson, createRole, createSkill, setPersonSkill } from "../../db/factories";
import { departments, jobFamilies, personSkills, roles, skillCategories } from "../../db/schema";
import { createTestDatabase } from "../setup/test-database";

describe("factories", async () => {
  const { db, engine } = await createTestDatabase();

  it(`create a person linked to a new department and role (${engine})`, async () => {
    const person = await createPerson(db);
    const [department] = await db.select().from(departments).where(eq(departments.id, person.departmentId));
    const [role] = await db.select().from(roles).where(eq(roles.id, person.roleId));
    const [family] = await db.select().from(jobFamilies).where(eq(jobFamilies.id, role!.familyId));
    expect(department).toBeDefined();
    expect(role?.track).toBe("specialist");
    expect(family).toBeDefined();
    expect(person).toMatchObject({ level: 1, active: true, isHr: false, isAdmin: false, managerId: null });
    expect(person.employeeNumber).toMatch(/^E\d+$/);
    expect(person.familyNameKana).toMatch(/^[\p{Script=Katakana}ー]+$/u);
    expect(person.hiredOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("never collide on employee number or e-mail, and reuse given links", async () => {
    const department = await createDepartment(db, { nameJa: "営業部", nameEn: "Sales" });
    const role = await createRole(db, { track: "management" });
    const first = await createPerson(db, { departmentId: department.id, roleId: role.id });
    const second = await createPerson(db, { departmentId: department.id, roleId: role.id, managerId: first.id });
    expect(second.employeeNumber).not.toBe(first.employeeNumber);
    expect(second.email.toLowerCase()).not.toBe(first.email.toLowerCase());
    expect([first.departmentId, second.departmentId]).toEqual([department.id, department.id]);
    expect(second.managerId).toBe(first.id);
  });

  it("create a skill in a new category and upsert a person's level", async () => {
    const person = await createPerson(db);
    const skill = await createSkill(db);
    const [category] = await db.select().from(skillCategories).where(eq(skillCategories.id, skill.categoryId));
    expect(category).toBeDefined();

    await setPersonSkill(db, person.id, skill.id, 2);
    await setPersonSkill(db, person.id, skill.id, 3, { evidence: "QA評価で満点" });
    const rows = await db
      .select()
      .from(personSkills)
      .where(and(eq(personSkills.personId, person.id), eq(personSkills.skillId, skill.id)));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ level: 3, evidence: "QA評価で満点" });
  });
});
