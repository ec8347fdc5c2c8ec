import { describe, expect, it } from "vitest";
import { RateLimiter } from "@/server/http/rate-limit";

describe("rate limiter", () => {
  it("allows the limit within the window, refuses the next with the wait, and frees slots as they age", () => {
    let now = 1_000_000;
    const limiter = new RateLimiter(3, 60_000, () => now);
    expect(limiter.take("a").ok).toBe(true);
    now += 20_000;
    expect([limiter.take("a"), limiter.take("a")].every((result) => result.ok)).toBe(true);
    now += 10_000;
    expect(limiter.take("a")).toEqual({ ok: false, retryAfterSeconds: 30 });
    // Another key has its own window.
    expect(limiter.take("b").ok).toBe(true);
    // The first event ages out; the two later ones still count.
    now += 30_001;
    expect(limiter.take("a").ok).toBe(true);
    expect(limiter.take("a")).toEqual({ ok: false, retryAfterSeconds: 20 });
  });

  it("does not count refused attempts, so waiting always helps", () => {
    let now = 0;
    const limiter = new RateLimiter(1, 1_000, () => now);
    expect(limiter.take("a").ok).toBe(true);
    for (let i = 0; i < 100; i++) expect(limiter.take("a").ok).toBe(false);
    now = 1_001;
    expect(limiter.take("a").ok).toBe(true);
  });
});
