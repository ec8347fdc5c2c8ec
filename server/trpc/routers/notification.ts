import { z } from "zod";
import { listNotifications, markRead, unreadCount } from "@/server/services/notifications/notification.service";
import { createTRPCRouter } from "../init";
import { answerOk, okOutput } from "../ok";
import { protectedProcedure } from "../procedures";

const notificationSchema = z.object({
  id: z.number(),
  kind: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
  link: z.string().nullable(),
  readAt: z.date().nullable(),
  createdAt: z.date(),
});

export const notificationRouter = createTRPCRouter({
  /** The caller's notifications, newest first. */
  list: protectedProcedure.output(z.array(notificationSchema)).query(({ ctx }) => listNotifications(ctx.db, ctx.actor)),
  /** How many are unread (the badge in the header). */
  unreadCount: protectedProcedure.output(z.number()).query(({ ctx }) => unreadCount(ctx.db, ctx.actor)),
  /** Marks the caller's notifications read; someone else's ids are ignored. */
  markRead: protectedProcedure
    .input(z.object({ ids: z.union([z.array(z.number().int().positive().max(Number.MAX_SAFE_INTEGER)).max(100), z.literal("all")]) }))
    .output(okOutput)
    .mutation(({ ctx, input }) => answerOk(markRead(ctx.db, ctx.actor, input.ids))),
});
