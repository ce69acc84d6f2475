import { create } from 'zustand';

/** Files left out because the open case holds their bytes already, waiting for "Add it anyway". */
export interface DuplicateFile {
  readonly file: File;
  readonly name: string;
  /** The name the same bytes have in the case (or in the batch now being analysed). */
  readonly sameAs: string;
  readonly sha256: string;
}

export const useDuplicateFiles = create<{ files: readonly DuplicateFile[] }>(() => ({ files: [] }));
