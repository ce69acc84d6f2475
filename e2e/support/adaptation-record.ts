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

/**
 * Writes an adaptation straight into the page's IndexedDB, as the Adapt page (or an older release)
 * would have left it, bypassing the app's code. It creates the store if the app has not yet.
 */
export function putAdaptationRecord(page: Page, spec: AdaptationRecordSpec): Promise<void> {
  return page.evaluate(
    (s) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('hematovision-adaptation');
        // The app reads without creating the database: the first record creates it, as the app's first save would.
        open.onupgradeneeded = () => open.result.createObjectStore('adaptation');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('adaptation', 'readwrite');
          const head = {
            kernel: new Float32Array(512 * s.classes),
            bias: new Float32Array(s.classes),
            features: 512,
            classes: s.classes,
          };
          tx.objectStore('adaptation').put(
            {
              modelVersion: s.modelVersion,
              id: s.id,
              adapted: { head, temperature: 1, ...s.adaptedExtras },
              cellsPerClass: s.cellsPerClass,
              createdAt: new Date().toISOString(),
            },
            'current',
          );
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    spec,
  );
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

/**
 * Writes lab profiles straight into the page's IndexedDB, as the Adapt page keeps them, bypassing
 * the app's code (so the page learns of them on its next load).
 */
export function putLabProfileRecords(page: Page, specs: readonly LabProfileRecordSpec[]): Promise<void> {
  return page.evaluate(
    (all) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('hematovision-adaptation');
        // The app reads without creating the database: the first record creates it, as the app's first save would.
        open.onupgradeneeded = () => open.result.createObjectStore('adaptation');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('adaptation', 'readwrite');
          for (const s of all) {
            const bias = new Float32Array(s.classes);
            bias[s.readsAs] = 30;
            const head = { kernel: new Float32Array(512 * s.classes), bias, features: 512, classes: s.classes };
            tx.objectStore('adaptation').put(
              {
                modelVersion: s.modelVersion,
                id: s.id,
                name: s.name,
                adapted: { head, temperature: 1, reviewThreshold: 0.5 },
                cellsPerClass: new Array<number>(s.classes).fill(3),
                createdAt: new Date().toISOString(),
              },
              s.id,
            );
          }
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    specs,
  );
}
