import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
/** A whole build of both browsers: seconds on a quiet machine, more when the CPU is shared. */
const BUILD_TIMEOUT = 60_000;
let work: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'backstory-build-'));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

async function build(dataDir: string) {
  const run = promisify(execFile);
  return run(process.execPath, ['build.mjs', '--data', dataDir, '--outdir', join(work, 'dist')], { cwd: root }).then(
    ({ stdout }) => ({ code: 0, stdout, stderr: '' }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
}

describe('the build', () => {
  it(
    'fails on a malformed dataset, naming the file, the JSON path and the reason, and writes nothing',
    async () => {
      const data = join(work, 'broken');
      await cp(join(root, 'src/data'), data, { recursive: true });
      const events = JSON.parse(await readFile(join(data, 'events.json'), 'utf8'));
      events.events[2].date = '2020-13-01';
      await writeFile(join(data, 'events.json'), JSON.stringify(events, null, 2));
      const result = await build(data);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(
        /Invalid dataset: .*broken\/events\.json at \$\.events\[2\]\.date: must match pattern/,
      );
      await expect(readFile(join(work, 'dist/chrome/manifest.json'))).rejects.toThrow();
    },
    BUILD_TIMEOUT,
  );

  it.each([
    [
      'refused-domain',
      /Invalid dataset: .*malformed\/refused-domain\/events\.json at \$\.events\[0\]\.sources\[0\]\.url: wikimili\.com is a refused domain: a copy of Wikipedia articles/,
    ],
    [
      'copied-wire-story',
      /Invalid dataset: .*malformed\/copied-wire-story\/events\.json at \$\.events\[1\]\.confidence: "verified" needs one primary document or two independent sources; these tell one story \(Reuters via CNA, Reuters via The Star\)/,
    ],
  ])(
    'fails on the malformed fixture %s, naming the file, the JSON path and the reason',
    async (fixture, message) => {
      const result = await build(join(root, 'test/fixtures/dataset/malformed', fixture));
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(message);
    },
    BUILD_TIMEOUT,
  );

  it(
    'builds both browsers from the real dataset',
    async () => {
      const result = await build(join(root, 'src/data'));
      expect(result.code).toBe(0);
      for (const browser of ['chrome', 'firefox']) {
        const manifest = JSON.parse(await readFile(join(work, 'dist', browser, 'manifest.json'), 'utf8'));
        expect(manifest.manifest_version).toBe(3);
        expect(manifest.version).toBe(JSON.parse(await readFile(join(root, 'package.json'), 'utf8')).version);
        // "No network" enforced by the browser on the extension's own pages, not only promised.
        const policy = manifest.content_security_policy.extension_pages as string;
        expect(policy.split(';').map((d) => d.trim())).toEqual(
          expect.arrayContaining(["script-src 'self'", "object-src 'none'", "connect-src 'none'"]),
        );
        // The bundles carry no licence comments (legalComments: 'none'): the notices ship beside them.
        const notices = await readFile(join(work, 'dist', browser, 'THIRD_PARTY_NOTICES.txt'), 'utf8');
        for (const bundled of ['preact', 'webextension-polyfill', '@floating-ui/dom', '@floating-ui/core']) {
          expect(notices).toMatch(new RegExp(`^${bundled} [0-9.]+ \\((MIT|MPL-2\\.0)\\)$`, 'm'));
        }
        expect(notices).toContain('Mozilla Public License Version 2.0');
        expect(notices).toContain('Permission is hereby granted, free of charge');
      }
    },
    BUILD_TIMEOUT,
  );
});
