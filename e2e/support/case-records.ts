import type { Page } from '@playwright/test';

/** The case database as the page's IndexedDB holds it: each case, each image's case, other values. */
export interface CaseRecords {
  readonly cases: { id: string; imageIds: string[] }[];
  readonly imageCaseIds: string[];
  readonly settings: { key: string; value: unknown }[];
}

/** Reads the case database straight from IndexedDB in the page, bypassing the app's code. */
export function readCaseRecords(page: Page): Promise<CaseRecords> {
  return page.evaluate(
    () =>
      new Promise<CaseRecords>((resolve, reject) => {
        const open = indexedDB.open('hematovision-cases');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const names = [...db.objectStoreNames];
          if (!names.includes('image-records')) {
            db.close();
            return resolve({ cases: [], imageCaseIds: [], settings: [] });
          }
          const tx = db.transaction(names, 'readonly');
          const cases = tx.objectStore('case-records').getAll();
          const images = tx.objectStore('image-records').getAll();
          const settingKeys = tx.objectStore('settings').getAllKeys();
          const settingValues = tx.objectStore('settings').getAll();
          tx.oncomplete = () => {
            db.close();
            resolve({
              cases: cases.result.map((c: { id: string; imageIds: string[] }) => ({ id: c.id, imageIds: c.imageIds })),
              imageCaseIds: images.result.map((i: { caseId: string }) => i.caseId),
              settings: settingKeys.result.map((key, i) => ({ key: String(key), value: settingValues.result[i] })),
            });
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}
