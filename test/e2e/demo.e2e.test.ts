/**
 * The README's first command, as a new user runs it on a machine without a display: `npm start`
 * builds, runs the demo headless, writes a screenshot of the page and one of an open card, and
 * prints where. Run exactly as a user would: the npm script, in a child process, with no DISPLAY.
 */
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { colourCount, differingBox, isPng, readPng } from '../support/read-png';
import { browserExecutable } from './harness';

const root = join(import.meta.dirname, '../..');
const anyBrowser = Boolean(browserExecutable('chromium') ?? browserExecutable('firefox'));

function npmStart(): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env = { ...process.env };
  delete env.DISPLAY;
  delete env.WAYLAND_DISPLAY;
  return new Promise((done, fail) => {
    const child = spawn('npm', ['start'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', fail);
    child.once('close', (code) => done({ code, stdout, stderr }));
  });
}

describe.skipIf(!anyBrowser && process.env.CI !== 'true')('npm start without a display', () => {
  it('exits 0 and prints the paths of two real screenshots: the page, then the page with a card open', async () => {
    const run = await npmStart();
    expect(run.code, run.stderr).toBe(0);
    const pagePath = /the page:\s+(\S+\.png)/.exec(run.stdout)?.[1];
    const cardPath = /an open card:\s+(\S+\.png)/.exec(run.stdout)?.[1];
    expect(pagePath).toBe('demo-output/page.png');
    expect(cardPath).toBe('demo-output/card.png');

    const [pageBytes, cardBytes] = await Promise.all(
      [pagePath!, cardPath!].map((path) => readFile(resolve(root, path)).then((b) => new Uint8Array(b))),
    );
    expect(isPng(pageBytes!) && isPng(cardBytes!)).toBe(true);
    const [page, card] = [readPng(pageBytes!), readPng(cardBytes!)];
    expect([page.width, page.height]).toEqual([1280, 800]);
    // A page of text with its highlights, not a blank or an error page.
    expect(colourCount(page)).toBeGreaterThan(200);
    // What the card adds: a box of card size, neither nothing nor the whole screen.
    const added = differingBox(page, card);
    expect(added).not.toBeNull();
    expect(added!.width).toBeGreaterThan(250);
    expect(added!.width).toBeLessThan(900);
    expect(added!.height).toBeGreaterThan(150);
  });
});
