import { createCallerFactory, createTRPCRouter } from "./init";
import { careerMapRouter } from "./routers/career-map";
import { applicationRouter } from "./routers/application";
import { auditRouter } from "./routers/audit";
import { conversationRouter } from "./routers/conversation";
import { dataExportRouter } from "./routers/data-export";
import { importRouter } from "./routers/import";
import { matchingRouter } from "./routers/matching";
import { meRouter } from "./routers/me";
import { notificationRouter } from "./routers/notification";
import { opportunityRouter } from "./routers/opportunity";
import { organisationRouter } from "./routers/organisation";
import { participationRouter } from "./routers/participation";
import { personRouter } from "./routers/person";
import { profileRouter } from "./routers/profile";
import { reportRouter } from "./routers/report";
import { scimRouter } from "./routers/scim";
import { scoutRouter } from "./routers/scout";
import { sessionRouter } from "./routers/session";
import { settingRouter } from "./routers/setting";
import { skillRouter } from "./routers/skill";
import { taxonomyRouter } from "./routers/taxonomy";
import { teamRouter } from "./routers/team";
import { willRouter } from "./routers/will";

export const appRouter = createTRPCRouter({
  application: applicationRouter,
  audit: auditRouter,
  careerMap: careerMapRouter,
  conversation: conversationRouter,
  dataExport: dataExportRouter,
  import: importRouter,
  matching: matchingRouter,
  me: meRouter,
  notification: notificationRouter,
  opportunity: opportunityRouter,
  organisation: organisationRouter,
  participation: participationRouter,
  person: personRouter,
  profile: profileRouter,
  report: reportRouter,
  scim: scimRouter,
  scout: scoutRouter,
  session: sessionRouter,
  setting: settingRouter,
  skill: skillRouter,
  taxonomy: taxonomyRouter,
  team: teamRouter,
  will: willRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
