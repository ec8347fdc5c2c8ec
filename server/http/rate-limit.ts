/**
 * A sliding-window rate limiter kept in this process's memory: at most `limit` events per key in
 * any `windowMs`. Several web processes each keep their own count, so behind N processes a key
 * gets at most N × limit; that is enough to stop one person (or one script) from flooding
 * sign-in, applications or profile saves, which is all these limits are for.
 */
export class RateLimiter {
  private readonly events = new Map<string, number[]>();

  constructor(
    readonly limit: number,
    readonly windowMs: number,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Counts one event for `key`; refused (with seconds until a slot frees) when the window is full. */
  take(key: string): { ok: true } | { ok: false; retryAfterSeconds: number } {
    const now = this.clock();
    const recent = (this.events.get(key) ?? []).filter((at) => at > now - this.windowMs);
    if (recent.length >= this.limit) {
      this.events.set(key, recent);
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((recent[0]! + this.windowMs - now) / 1000)) };
    }
    recent.push(now);
    this.events.set(key, recent);
    if (this.events.size > 10_000) this.forgetIdle(now);
    return { ok: true };
  }

  /** Drops keys with no event inside the window, so memory stays bounded by active keys. */
  private forgetIdle(now: number) {
    for (const [key, times] of this.events) if (times.every((at) => at <= now - this.windowMs)) this.events.delete(key);
  }
}

/**
 * The limits, per person (sign-in: per demo persona, or per e-mail the identity provider vouched
 * for — never per client address, since a whole office may share one). Generous for a person
 * working normally — a skills editor saving on every change, a day of applying — and far below
 * what a script would send.
 */
export const rateLimits = {
  /** Applications submitted: 20 an hour. */
  apply: new RateLimiter(20, 60 * 60_000),
  /** Profile, skill and Will saves: 120 a minute. */
  profileSave: new RateLimiter(120, 60_000),
  /** Sign-ins: 60 in ten minutes. */
  signIn: new RateLimiter(60, 10 * 60_000),
} as const;

export type RateLimitName = keyof typeof rateLimits;
