import { useEffect, useRef, type KeyboardEvent, type RefObject } from 'react';

const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]), select, textarea, [tabindex="0"]';

/**
 * Opens a native <dialog> with showModal() while `open`: the rest of the page goes inert and
 * Escape becomes `cancel`. Focus starts on what `initialFocus` picks and returns, on close, to
 * whatever had it before. The returned onKeyDown wraps Tab and Shift+Tab inside the dialog, so
 * focus never leaves for the browser's toolbar.
 */
export function useNativeModal(
  open: boolean,
  initialFocus: (dialog: HTMLDialogElement) => HTMLElement | null | undefined,
): { ref: RefObject<HTMLDialogElement | null>; onKeyDown: (e: KeyboardEvent) => void } {
  const ref = useRef<HTMLDialogElement>(null);
  const focusRef = useRef(initialFocus);
  focusRef.current = initialFocus;
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog || !open) return;
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.showModal();
    focusRef.current(dialog)?.focus();
    return () => {
      dialog.close();
      before?.focus();
    };
  }, [open]);
  return { ref, onKeyDown: (e) => trapTab(e, ref.current) };
}

function trapTab(e: KeyboardEvent, dialog: HTMLElement | null): void {
  if (e.key !== 'Tab' || !dialog) return;
  const focusable = [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.offsetParent !== null);
  if (focusable.length === 0) return;
  const first = focusable[0];
  const last = focusable[focusable.length - 1];
  if (e.shiftKey && document.activeElement === first) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && document.activeElement === last) {
    e.preventDefault();
    first.focus();
  }
}
