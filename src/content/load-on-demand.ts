import { importExtensionModule } from '../shared/browser';

/**
 * Loads one of the extension's modules built apart (web-accessible, see build.mjs) into the
 * content script's world, once; a failed load is tried again at the next call. The one way every
 * module the content script loads on demand arrives (card.js, page-date.js, and any later one):
 * `const load = onDemand<typeof Module>('file.js')`.
 */
export function onDemand<Module>(path: string): () => Promise<Module> {
  let loading: Promise<Module> | undefined;
  return () =>
    (loading ??= importExtensionModule<Module>(path).catch((error: unknown) => {
      loading = undefined;
      throw new Error(`Could not load ${path}`, { cause: error });
    }));
}
