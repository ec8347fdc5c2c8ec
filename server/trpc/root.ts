import { createCallerFactory, createTRPCRouter } from "./init";
import { meRouter } from "./routers/me";
import { personRouter } from "./routers/person";
import { sessionRouter } from "./routers/session";
import { settingRouter } from "./routers/setting";
import { skillRouter } from "./routers/skill";

export const appRouter = createTRPCRouter({
  me: meRouter,
  person: personRouter,
  session: sessionRouter,
  setting: settingRouter,
  skill: skillRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
