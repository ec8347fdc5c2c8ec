import "server-only";
import { getServerCaller } from "@/app/_trpc/server";
import type { RoleGroup } from "./opportunity-form";

/**
 * What the posting form offers: departments the viewer may post for, roles by job family (retired
 * roles only when the posting already names one: `keepRoleId`), level titles.
 */
export async function loadOpportunityFormData(keepRoleId: number | null = null) {
  const caller = await getServerCaller();
  const [departments, careerMap, levelGuide] = await Promise.all([
    caller.opportunity.departments({ purpose: "post" }),
    caller.careerMap.map(),
    caller.skill.levelGuide(),
  ]);
  const roleGroups: RoleGroup[] = careerMap.families
    .map((family) => ({
      id: family.id,
      name: family.name,
      roles: careerMap.roles
        .filter((role) => role.familyId === family.id && (!role.retired || role.id === keepRoleId))
        .map((role) => ({ id: role.id, name: role.name })),
    }))
    .filter((group) => group.roles.length > 0);
  const levelTitles = levelGuide.map((entry) => ({ level: entry.level, title: entry.title }));
  return { departments, roleGroups, levelTitles };
}
