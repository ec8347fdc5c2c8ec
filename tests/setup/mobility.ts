import type { Database } from "../../db/client";
import type { ConfidentialityPolicy } from "../../db/vocabulary";
import { createDepartment, createPerson, createRole } from "../../db/factories";
import { actorForPerson } from "../../server/auth/actor";
import { createOpportunity, setOpportunityStatus } from "../../server/services/opportunities/opportunity.service";
import { updateSettings } from "../../server/services/settings/settings.service";
import type { Cast } from "./cast";
import { callerAs } from "./cast";
import { createContextInner } from "../../server/trpc/context";
import { createCaller } from "../../server/trpc/root";

/**
 * A receiving team for workflow tests: a hiring manager (with one report, so they count as a
 * manager) in another department, and an open transfer posting into a QA role there.
 */
export async function createReceivingTeam(db: Database, cast: Cast, options: { confidentiality?: ConfidentialityPolicy; minimumOpenDays?: number } = {}) {
  await updateSettings(db, cast.actors.hr, {
    confidentialityPolicy: options.confidentiality ?? "until_offer",
    minimumOpenDays: options.minimumOpenDays ?? 0,
  });
  const department = await createDepartment(db, { nameJa: "品質保証部", nameEn: "Quality Assurance" });
  const role = await createRole(db, { nameJa: "プロダクトQA", nameEn: "Product QA" });
  const hiringManager = await createPerson(db, { departmentId: department.id, level: 3 });
  await createPerson(db, { departmentId: department.id, managerId: hiringManager.id });
  const hiringActor = (await actorForPerson(db, hiringManager.id))!;
  const { id: opportunityId } = await createOpportunity(db, hiringActor, {
    kind: "transfer",
    title: "新人研修の企画を担うQAメンバー",
    description: "お客様の声をテスト設計に活かせる方を歓迎します。",
    departmentId: department.id,
    roleId: role.id,
  });
  await setOpportunityStatus(db, hiringActor, { opportunityId, status: "open" });
  const hiring = createCaller(createContextInner({ db, actor: hiringActor }));
  return { department, role, hiringManager, hiringActor, hiring, opportunityId, as: (role: Parameters<typeof callerAs>[2]) => callerAs(db, cast, role) };
}
