import { useId, type ReactNode } from 'react';
import { FOCUS_RING } from './button';
import { useNativeModal } from './use-native-modal';

/**
 * A large modal view, open while mounted (a native <dialog>, see useNativeModal); Escape closes it.
 */
export function ModalDialog({
  title,
  onClose,
  children,
  testId,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  testId?: string;
}) {
  const id = useId();
  const { ref, onKeyDown } = useNativeModal(true, (dialog) => dialog.querySelector<HTMLElement>('[data-autofocus]'));
  return (
    <dialog
      ref={ref}
      aria-labelledby={`${id}-title`}
      data-testid={testId}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      onKeyDown={onKeyDown}
      className="m-auto max-h-[calc(100dvh-1rem)] w-[min(64rem,calc(100vw-1rem))] overflow-auto rounded-xl border border-slate-300 bg-white p-3 text-slate-900 shadow-xl backdrop:bg-slate-950/70 sm:p-5 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
    >
      <div className="mb-3 flex items-start justify-between gap-3">
        <h2 id={`${id}-title`} className="min-w-0 truncate text-lg font-semibold">
          {title}
        </h2>
        <button
          type="button"
          onClick={() => onClose()}
          className={`shrink-0 rounded-md border border-slate-300 px-3 py-1 text-sm font-medium hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800 ${FOCUS_RING}`}
        >
          Close
        </button>
      </div>
      {children}
    </dialog>
  );
}
