#!/usr/bin/env node
/**
 * Runs a TypeScript file with Node, which cannot run TypeScript itself (Node 20): esbuild bundles
 * it (dependencies stay external) into node_modules/.cache/backstory/, then Node imports that.
 *
 *   node scripts/run-ts.mjs scripts/demo.ts [args…]
 */
import { rename } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

let bundles = 0;

/** Imports a TypeScript module, bundled to a cached JavaScript file first. */
export async function importTypeScript(path) {
  const entry = resolve(root, path);
  const out = join(root, 'node_modules/.cache/backstory', relative(root, entry).replace(/\.tsx?$/, '.mjs'));
  // Written aside, then renamed into place: processes bundling the same file at once (parallel
  // tests) never import a half-written one.
  const partial = `${out}.${process.pid}.${++bundles}.tmp`;
  await esbuild.build({
    entryPoints: [entry],
    outfile: partial,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    jsx: 'automatic',
    jsxImportSource: 'preact',
    logLevel: 'warning',
  });
  await rename(partial, out);
  return import(pathToFileURL(out).href);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [path] = process.argv.slice(2);
  if (!path) {
    console.error('Usage: node scripts/run-ts.mjs FILE.ts [args…]');
    process.exit(2);
  }
  process.argv.splice(2, 1);
  await importTypeScript(path);
}
