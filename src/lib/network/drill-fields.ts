import type { CellClass } from '@/core/model-spec';
import type { Box } from '@/core/rgba-image';

/** One piece of a smear field for the count drill (public/drill-fields/manifest.json), with its labelled white cells. */
export interface DrillField {
  readonly id: string;
  readonly file: string;
  readonly width: number;
  readonly height: number;
  readonly cells: readonly { readonly label: CellClass; readonly box: Box }[];
  readonly source: string;
}

const BASE = `${import.meta.env.BASE_URL}drill-fields/`;

export function drillFieldUrl(field: DrillField): string {
  return `${BASE}${field.file}`;
}

let cached: Promise<DrillField[]> | undefined;

/** The drill's fields, fetched once from the app's own origin (precached for offline use). */
export function loadDrillFields(): Promise<DrillField[]> {
  cached ??= fetch(`${BASE}manifest.json`)
    .then((r) => {
      if (!r.ok) throw new Error(`The count drill's fields could not be loaded (HTTP ${r.status}).`);
      return r.json() as Promise<{ fields: DrillField[] }>;
    })
    .then((m) => m.fields)
    .catch((err: unknown) => {
      cached = undefined;
      throw err;
    });
  return cached;
}
