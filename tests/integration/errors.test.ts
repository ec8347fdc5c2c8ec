import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { settings } from "../../db/schema";
import { createTRPCRouter } from "../../server/trpc/init";
import { publicProcedure } from "../../server/trpc/procedures";
import { appRouter } from "../../server/trpc/root";
import { createCast } from "../setup/cast";
import { sessionCookieFor, type TrpcErrorBody, trpcHttp } from "../setup/http";
import { createTestDatabase } from "../setup/test-database";

describe("errors over HTTP", async () => {
  const { db } = await createTestDatabase();
  const cast = await createCast(db);
  const hrCookie = await sessionCookieFor(db, cast.persons.hr.id);

  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it.each([
    ["ja", "入力内容を確認してください: 送り出し判断の期限: 60 以下にしてください"],
    ["en", "Please check your input: Release deadline must be at most 60"],
  ])("a validation error is translated (%s) with per-field messages, and nothing changes", async (locale, message) => {
    const response = await trpcHttp(db, {
      path: "setting.update",
      method: "POST",
      input: { releaseDeadlineBusinessDays: 61, minimumOpenDays: 3 },
      cookie: hrCookie,
      locale,
    });
    expect(response.status).toBe(400);
    const body = response.body as TrpcErrorBody;
    expect(body.error.json.message).toBe(message);
    expect(body.error.json.data.fieldErrors).toEqual({ releaseDeadlineBusinessDays: message.split(": ").slice(1).join(": ") });
    expect(await db.select().from(settings)).toEqual([]);
  });

  it("a signed-out caller gets 401 with a translated message", async () => {
    const response = await trpcHttp(db, { path: "me.profile", locale: "en" });
    expect(response.status).toBe(401);
    expect((response.body as TrpcErrorBody).error.json.message).toBe("Please sign in.");
  });

  it("a revoked or forged session counts as signed out", async () => {
    const response = await trpcHttp(db, { path: "me.profile", cookie: "next-auth.session-token=forged" });
    expect(response.status).toBe(401);
  });

  it("an unexpected error reaches a production client as a generic message with a correlation id", async () => {
    vi.stubEnv("NODE_ENV", "production");
    vi.stubEnv("NEXTAUTH_SECRET", "a-production-secret");
    vi.stubEnv("SMTP_URL", "smtp://mail.example");
    const failing = createTRPCRouter({
      ...appRouter._def.record,
      boom: publicProcedure.input(z.object({})).query(() => {
        throw new Error('Failed query: select secret_column from people where id = $1 params: 42');
      }),
    });
    const logged: unknown[][] = [];
    vi.mocked(console.error).mockImplementation((...args: unknown[]) => void logged.push(args));
    const response = await trpcHttp(db, { path: "boom", input: {}, router: failing as unknown as typeof appRouter, locale: "en" });
    expect(response.status).toBe(500);
    const text = JSON.stringify(response.body);
    expect(text).not.toContain("secret_column");
    expect(text).not.toContain("Failed query");
    expect(text).not.toMatch(/stack|\.ts:\d+/);
    const { message, data } = (response.body as TrpcErrorBody).error.json;
    expect(message).toMatch(/^Something went wrong on our side\. Please try again later\. Reference: [0-9a-f-]{36}$/);
    expect(message).toContain(String(data.correlationId));
    // The real error stays in the server log, findable by the same id, without the query's parameters.
    const lines = logged.map((args) => JSON.parse(String(args[0])) as { requestId: string; path: string; error: { message: string } });
    expect(lines).toEqual([expect.objectContaining({ level: "error", requestId: data.correlationId, path: "boom" })]);
    expect(lines[0]!.error.message).toBe("Failed query: select secret_column from people where id = $1");
  });

  it("refuses a batch larger than the limit", async () => {
    const paths = Array.from({ length: 21 }, () => "skill.levelGuide").join(",");
    const inputs = Object.fromEntries(Array.from({ length: 21 }, (_, index) => [index, { json: null }]));
    const url = new URL(`http://localhost/api/trpc/${paths}`);
    url.searchParams.set("batch", "1");
    url.searchParams.set("input", JSON.stringify(inputs));
    const { handleTrpcRequest } = await import("../../server/trpc/http");
    const response = await handleTrpcRequest(new Request(url, { headers: { cookie: hrCookie } }), db);
    expect(response.status).toBe(400);
  });
});
