/**
 * The people the demo sign-in offers, one per product role. Kept apart from the generator so the
 * sign-in page can import it without loading the seed data. The seed test proves that each one
 * exists with the right flags and that the employee reports to the manager.
 */
export type DemoPersonaKey = "employee" | "manager" | "hr" | "admin" | "hiring_manager";
export type DemoPersona = { key: DemoPersonaKey; employeeNumber: string };

export const demoPersonas: readonly DemoPersona[] = [
  /** 佐藤 陽菜 (Hina Sato): operator, Tokyo frontline team; CS × QA × community. */
  { key: "employee", employeeNumber: "E00007" },
  /** 中村 大輔 (Daisuke Nakamura): supervisor of that team, the employee's manager. */
  { key: "manager", employeeNumber: "E00006" },
  /** 田中 美咲 (Misaki Tanaka): HR business partner. */
  { key: "hr", employeeNumber: "E00257" },
  /** 高橋 直樹 (Naoki Takahashi): people development, administrator of the taxonomy and people data. */
  { key: "admin", employeeNumber: "E00258" },
  /**
   * 岡田 一郎 (Ichiro Okada): head of the Community Department, another department's manager who
   * posts openings and decides on applicants — so a move can run end to end (HR may not finalize
   * a hire they make themselves).
   */
  { key: "hiring_manager", employeeNumber: "E00286" },
];
