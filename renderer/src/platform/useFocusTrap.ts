// A modal keeps the keyboard: Tab and Shift+Tab go round its own controls and never reach the
// grid behind it, and when it closes the focus goes back where it was (WAI-ARIA dialog pattern).
import { useEffect, type RefObject } from 'react';

const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';

function focusables(box: HTMLElement): HTMLElement[] {
  // Controls in a closed <details> or otherwise hidden take no focus.
  return [...box.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.getClientRects().length > 0);
}

export function useFocusTrap(ref: RefObject<HTMLElement | null>, active: boolean): void {
  useEffect(() => {
    if (!active) return;
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const box = ref.current;
    if (box && !box.contains(document.activeElement)) (focusables(box)[0] ?? box).focus();
    const onKey = (e: KeyboardEvent) => {
      const inner = ref.current;
      if (e.key !== 'Tab' || !inner) return;
      const list = focusables(inner);
      const at = document.activeElement;
      const inside = at instanceof HTMLElement && inner.contains(at);
      if (!list.length) {
        e.preventDefault();
        inner.focus();
      } else if (e.shiftKey && (!inside || at === list[0])) {
        e.preventDefault();
        list[list.length - 1].focus();
      } else if (!e.shiftKey && (!inside || at === list[list.length - 1])) {
        e.preventDefault();
        list[0].focus();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      if (before?.isConnected) before.focus();
    };
  }, [active, ref]);
}
