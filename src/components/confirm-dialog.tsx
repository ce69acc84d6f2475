import { useId, useRef, type ReactNode } from 'react';
import { DESTRUCTIVE, FOCUS_RING } from './button';
import { useNativeModal } from './use-native-modal';

/**
 * A modal confirmation (a native <dialog>, see useNativeModal). Focus starts on Cancel — the
 * safe choice for a destructive action.
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
  const cancelRef = useRef<HTMLButtonElement>(null);
  const { ref, onKeyDown } = useNativeModal(open, () => cancelRef.current);

  return (
    <dialog
      ref={ref}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-body`}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
      onKeyDown={onKeyDown}
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
