import { createCallerFactory, createTRPCRouter } from "./init";
import { conversationRouter } from "./routers/conversation";
import { meRouter } from "./routers/me";
import { personRouter } from "./routers/person";
import { profileRouter } from "./routers/profile";
import { sessionRouter } from "./routers/session";
import { settingRouter } from "./routers/setting";
import { skillRouter } from "./routers/skill";
import { teamRouter } from "./routers/team";
import { willRouter } from "./routers/will";

export const appRouter = createTRPCRouter({
  conversation: conversationRouter,
  me: meRouter,
  person: personRouter,
  profile: profileRouter,
  session: sessionRouter,
  setting: settingRouter,
  skill: skillRouter,
  team: teamRouter,
  will: willRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
