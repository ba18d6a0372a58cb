import { guarded } from '../log-error';

/**
 * Single-page-app navigations, as an isolated world can see them: the Navigation API's
 * `navigatesuccess` where the browser has it, and `popstate` for back and forward. A
 * `history.pushState` fires no event at all, so the address is also compared whenever the page
 * changes: call the returned function then. A change of the hash alone is not a navigation.
 */
export function watchNavigation(onNavigate: () => void, signal: AbortSignal): () => void {
  const address = () => location.href.replace(/#.*$/s, '');
  let last = address();
  const check = guarded(() => {
    const now = address();
    if (now === last) return;
    last = now;
    onNavigate();
  });
  const navigation = (globalThis as { navigation?: EventTarget }).navigation;
  navigation?.addEventListener('navigatesuccess', check, { signal });
  addEventListener('popstate', check, { signal });
  return check;
}
