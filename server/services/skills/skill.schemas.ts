import { z } from "zod";

const bilingual = z.object({ ja: z.string(), en: z.string() });

export const levelGuideOutput = z.array(z.object({ level: z.number(), title: bilingual, description: bilingual }));
