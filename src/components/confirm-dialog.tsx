import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { DESTRUCTIVE, FOCUS_RING } from './button';

/**
 * A modal confirmation. The native <dialog> opened with showModal() makes the rest of the page
 * inert and turns Escape into `cancel`; Tab and Shift+Tab also wrap inside it, so focus never
 * leaves for the browser's toolbar. Focus starts on Cancel — the safe choice for a destructive
 * action — and returns to whatever had it before.
 */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  onConfirm,
  onCancel,
}: {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const id = useId();
  const ref = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog || !open) return;
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.showModal();
    cancelRef.current?.focus();
    return () => {
      dialog.close();
      before?.focus();
    };
  }, [open]);

  return (
    <dialog
      ref={ref}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-body`}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
      onKeyDown={(e) => trapTab(e, ref.current)}
      className="m-auto w-[min(32rem,calc(100vw-2rem))] rounded-xl border border-slate-300 bg-white p-6 text-slate-900 shadow-xl backdrop:bg-slate-950/60 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
    >
      <h2 id={`${id}-title`} className="text-lg font-semibold">
        {title}
      </h2>
      <div id={`${id}-body`} className="mt-2 text-sm text-slate-700 dark:text-slate-300">
        {children}
      </div>
      <div className="mt-6 flex flex-wrap justify-end gap-3">
        {/* Plain buttons: Button takes no ref, and focus must start on Cancel. */}
        <button ref={cancelRef} type="button" onClick={onCancel} className={`${BASE} ${SAFE} ${FOCUS_RING}`}>
          Cancel
        </button>
        <button type="button" onClick={onConfirm} className={`${BASE} ${DESTRUCTIVE} ${FOCUS_RING}`}>
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}

const BASE = 'rounded-md border px-3 py-1.5 text-sm font-medium';
const SAFE =
  'border-slate-300 bg-white text-slate-800 hover:bg-slate-100 dark:border-slate-600 dark:bg-slate-900 dark:text-slate-100 dark:hover:bg-slate-800';

function trapTab(e: KeyboardEvent, dialog: HTMLDialogElement | null): void {
  if (e.key !== 'Tab' || !dialog) return;
  const focusable = [
    ...dialog.querySelectorAll<HTMLElement>('button:not([disabled]), [href], input, select, textarea'),
  ];
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
