import { settingsSchema, updateSettingsInput } from "@/server/services/settings/settings.schemas";
import { getSettings, updateSettings } from "@/server/services/settings/settings.service";
import { createTRPCRouter } from "../init";
import { hrProcedure } from "../procedures";

export const settingRouter = createTRPCRouter({
  /** The company's workflow settings (HR). */
  get: hrProcedure.output(settingsSchema).query(({ ctx }) => getSettings(ctx.db)),
  /** Changes some settings (HR); validated, audited, all or nothing. */
  update: hrProcedure
    .input(updateSettingsInput)
    .output(settingsSchema)
    .mutation(({ ctx, input }) => updateSettings(ctx.db, ctx.actor, input)),
});
