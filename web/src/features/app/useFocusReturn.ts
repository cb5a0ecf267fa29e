// Focus follows the panel: an opened profile takes it (its heading); a closed one gives it back
// to what opened it (a list button, the ranking), or to the panel when that is gone. The opener is
// found again by its data-focus-key: the list it sat in is rendered anew.
import { useCallback, useRef } from 'react';

/** Call with true when something opens (the opener is remembered), false when it closes. */
export function useFocusReturn(): (opening: boolean) => void {
  const openedFrom = useRef<string | null>(null);
  return useCallback((opening: boolean) => {
    if (opening) {
      const active = document.activeElement;
      openedFrom.current = active instanceof HTMLElement ? (active.dataset.focusKey ?? null) : null;
      return;
    }
    const key = openedFrom.current;
    openedFrom.current = null;
    requestAnimationFrame(() => {
      const back = key ? document.querySelector<HTMLElement>(`[data-focus-key="${CSS.escape(key)}"]`) : null;
      (back ?? document.getElementById('panel'))?.focus();
    });
  }, []);
}
