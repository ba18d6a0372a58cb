#!/usr/bin/env node
/**
 * Renders icons/icon.svg to the PNG sizes the manifests and stores ask for, with Debian's Chromium
 * (no browser download). Run it after editing the SVG, and commit the PNGs:
 *
 *   node scripts/make-icons.mjs
 */
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';

export const ICON_SIZES = [16, 32, 48, 96, 128];

const icons = join(dirname(fileURLToPath(import.meta.url)), '../icons');
const svg = await readFile(join(icons, 'icon.svg'), 'utf8');
const browser = await puppeteer.launch({
  executablePath: process.env.BACKSTORY_CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  pipe: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
});
try {
  const page = await browser.newPage();
  for (const size of ICON_SIZES) {
    await page.setViewport({ width: size, height: size, deviceScaleFactor: 1 });
    const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}</style><img src="${src}" width="${size}" height="${size}">`,
    );
    await page.waitForFunction(() => document.images[0]?.complete);
    await page.screenshot({ path: join(icons, `icon-${size}.png`), omitBackground: true });
    console.log(`icons/icon-${size}.png`);
  }
} finally {
  await browser.close();
}
