import { askBackground, importExtensionModule } from '../../shared/extension-api';
import type { OnDemandFile } from '../../shared/on-demand-files';
import { providedModule, type OnDemandModules } from './registry';

/**
 * Loads one of the extension's modules built apart (see shared/on-demand-files.ts) into the
 * content script's world, once; a failed load is tried again at the next call. The one way every
 * module the content script loads on demand arrives: `const load = onDemand('card.js')`.
 *
 * It is imported (a web-accessible resource) where the browser allows that: everywhere but in
 * Chromium on a page whose own scripts are blocked (the site setting "JavaScript: blocked"), where
 * Blink refuses every script the page's frame would fetch, our world's included. There the
 * background injects the same file into this frame, as the browser injects the content script.
 * A module that has already run in this world is not run again.
 */
export function onDemand<F extends OnDemandFile>(file: F): () => Promise<OnDemandModules[F]> {
  let loading: Promise<OnDemandModules[F]> | undefined;
  return () =>
    (loading ??= load(file).catch((error: unknown) => {
      loading = undefined;
      throw new Error(`Could not load ${file}`, { cause: error });
    }));
}

async function load<F extends OnDemandFile>(file: F): Promise<OnDemandModules[F]> {
  if (!providedModule(file)) {
    await importExtensionModule(file).catch(() => askBackground('injectModule', { file }));
  }
  const module = providedModule(file);
  if (!module) throw new Error(`${file} ran but offered nothing`);
  return module;
}
