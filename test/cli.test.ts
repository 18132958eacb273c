import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main.ts';

describe('luoshi CLI', () => {
  it('exits 2 on an unknown command', async () => {
    expect(await main(['no-such-command'])).toBe(2);
  });
});
