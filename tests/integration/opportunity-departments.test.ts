import { describe, expect, it } from "vitest";
import { callerAs, createCast } from "../setup/cast";
import { createTestDatabase } from "../setup/test-database";

/** The posting form offers exactly the departments the service would accept. */
describe("opportunity.departments", async () => {
  const { db } = await createTestDatabase();
  const cast = await createCast(db);
  const ids = async (role: Parameters<typeof callerAs>[2], purpose?: "post" | "browse") =>
    (await callerAs(db, cast, role).opportunity.departments(purpose ? { purpose } : undefined)).map((department) => department.id);

  it("offers a manager their own department only", async () => {
    expect(await ids("manager")).toEqual([cast.departments.team.id]);
  });

  it("offers HR every department", async () => {
    expect(await ids("hr", "post")).toEqual(expect.arrayContaining([cast.departments.team.id, cast.departments.people.id]));
  });

  it("offers people who may not post nothing", async () => {
    expect(await ids("employee")).toEqual([]);
    expect(await ids("admin", "post")).toEqual([]);
  });

  it("lists every department for the search filter, to everyone", async () => {
    const all = await ids("employee", "browse");
    expect(all).toEqual(expect.arrayContaining([cast.departments.team.id, cast.departments.people.id]));
    expect(await ids("manager", "browse")).toEqual(all);
  });

  it("returns both names of each department", async () => {
    const [department] = await callerAs(db, cast, "manager").opportunity.departments();
    expect(department).toEqual({ id: cast.departments.team.id, name: { ja: expect.any(String), en: expect.any(String) } });
  });
});
