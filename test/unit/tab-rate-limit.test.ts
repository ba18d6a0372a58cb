import { describe, expect, it } from 'vitest';
import { TabRateLimit } from '../../src/background/tab-rate-limit';

describe('TabRateLimit', () => {
  it('lets one through per interval for each tab, each tab on its own', () => {
    const limit = new TabRateLimit(1_000);
    expect(limit.allow(1, 0)).toBe(true);
    expect(limit.allow(1, 10)).toBe(false);
    expect(limit.allow(1, 999)).toBe(false);
    expect(limit.allow(2, 999)).toBe(true);
    expect(limit.allow(1, 1_000)).toBe(true);
  });

  it('refuses a loop: 100 asks within a second give one', () => {
    const limit = new TabRateLimit(1_000);
    const allowed = Array.from({ length: 100 }, (_, i) => limit.allow(7, 5_000 + i * 9)).filter(Boolean);
    expect(allowed).toHaveLength(1);
  });

  it('starts afresh for a tab it forgot', () => {
    const limit = new TabRateLimit(1_000);
    limit.allow(3, 0);
    limit.forget(3);
    expect(limit.allow(3, 1)).toBe(true);
  });
});
