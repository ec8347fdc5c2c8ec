import { readFileSync } from "node:fs";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { queryRows } from "../../db/client";
import { MIGRATIONS_FOLDER } from "../../db/migrate";
import { createTestDatabase } from "../setup/test-database";

describe("migrations", async () => {
  const { db, engine } = await createTestDatabase();

  it(`apply every committed migration (${engine})`, async () => {
    const journal = JSON.parse(readFileSync(join(MIGRATIONS_FOLDER, "meta/_journal.json"), "utf8")) as {
      entries: unknown[];
    };
    const [applied] = await queryRows<{ count: number }>(db, sql`select count(*)::int as count from drizzle.__drizzle_migrations`);
    expect(applied?.count).toBe(journal.entries.length);
  });

  it("create the tables the product needs", async () => {
    const rows = await queryRows<{ table_name: string }>(db, sql`select table_name from information_schema.tables where table_schema = 'public'`);
    const tables = rows.map((row) => row.table_name);
    for (const table of ["people", "departments", "roles", "role_levels", "career_paths", "skills", "person_skills", "skill_adjacency", "sessions", "audit_log", "settings"]) {
      expect(tables).toContain(table);
    }
  });

  it("reject a skill level outside 1–4", async () => {
    await expect(db.execute(sql`insert into level_descriptors (level, title_ja, title_en, description_ja, description_en) values (7, 'x', 'x', 'x', 'x')`)).rejects.toThrow();
  });
});
