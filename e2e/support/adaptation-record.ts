import type { Page } from '@playwright/test';

/** What a test says of a saved adaptation; the head itself is zeros of the right shape. */
export interface AdaptationRecordSpec {
  readonly modelVersion: string;
  readonly id: string;
  readonly classes: number;
  readonly cellsPerClass: number[];
  /** Fields the adapted head carries beside its weights and temperature (threshold, own-cells reading). */
  readonly adaptedExtras?: Record<string, unknown>;
}

/** A record of the adaptation store, with its head as a test states it: zero kernel, this bias. */
interface StoredAdaptation {
  readonly key: string;
  readonly value: Record<string, unknown> & {
    readonly bias: number[];
    readonly adaptedExtras: Record<string, unknown>;
  };
}

/**
 * Writes records straight into the page's IndexedDB adaptation store, as the app keeps them,
 * bypassing the app's code. Each head is built in the page, since typed arrays do not cross
 * page.evaluate: a kernel of zeros (512 features) and the given bias.
 */
function putStoredAdaptations(page: Page, records: readonly StoredAdaptation[]): Promise<void> {
  return page.evaluate(
    (all) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('hematovision-adaptation');
        // The app reads without creating the database: the first record creates it, as the app's first save would.
        open.onupgradeneeded = () => open.result.createObjectStore('adaptation');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('adaptation', 'readwrite');
          for (const { key, value } of all) {
            const { bias, adaptedExtras, ...rest } = value;
            const classes = bias.length;
            const head = {
              kernel: new Float32Array(512 * classes),
              bias: Float32Array.from(bias),
              features: 512,
              classes,
            };
            const record = {
              ...rest,
              adapted: { head, temperature: 1, ...adaptedExtras },
              createdAt: new Date().toISOString(),
            };
            tx.objectStore('adaptation').put(record, key);
          }
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    records,
  );
}

/**
 * Writes an adaptation as the Adapt page (or an older release) would have left it, under the
 * one key an older release used. It creates the store if the app has not yet.
 */
export function putAdaptationRecord(page: Page, spec: AdaptationRecordSpec): Promise<void> {
  const { modelVersion, id, cellsPerClass } = spec;
  const value = {
    modelVersion,
    id,
    cellsPerClass,
    bias: new Array<number>(spec.classes).fill(0),
    adaptedExtras: spec.adaptedExtras ?? {},
  };
  return putStoredAdaptations(page, [{ key: 'current', value }]);
}

/** A lab profile as a test writes it: a head of zeros whose bias makes every cell read as `readsAs`. */
export interface LabProfileRecordSpec {
  readonly modelVersion: string;
  readonly id: string;
  readonly name: string;
  /** Index, in CELL_CLASSES order, of the class every cell is read as, at a probability of about 1. */
  readonly readsAs: number;
  readonly classes: number;
}

/** Writes lab profiles as the Adapt page keeps them (so the page learns of them on its next load). */
export function putLabProfileRecords(page: Page, specs: readonly LabProfileRecordSpec[]): Promise<void> {
  return putStoredAdaptations(
    page,
    specs.map((s) => {
      const bias = new Array<number>(s.classes).fill(0);
      bias[s.readsAs] = 30;
      const { modelVersion, id, name } = s;
      const cellsPerClass = new Array<number>(s.classes).fill(3);
      return {
        key: id,
        value: { modelVersion, id, name, cellsPerClass, bias, adaptedExtras: { reviewThreshold: 0.5 } },
      };
    }),
  );
}
