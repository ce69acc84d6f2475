import type { CellClass } from '@/core/model-spec';
import { neutrophilForm, type PracticeItem } from '@/lib/network/practice-manifest';
import { IG_STAGES, igStage } from './ig-stage';

/** The forms an example may be named by, in the order the atlas shows them; an unnamed form comes last. */
const FORM_ORDER: readonly string[] = ['segmented', 'band', ...IG_STAGES];

/** What an example is, beside its class, where the practice set knows: a neutrophil's form, an IG's stage. */
export function exampleForm(item: PracticeItem): string | undefined {
  return neutrophilForm(item) ?? igStage(item);
}

/**
 * A class's examples for the atlas, `count` at most, taking its forms in turn (segmented, band,
 * segmented, …; promyelocyte, myelocyte, metamyelocyte, …), each in the practice set's order: the
 * set lists each form together, and the facts describe them all.
 */
export function atlasExamples(items: readonly PracticeItem[], cls: CellClass, count: number): PracticeItem[] {
  const byForm = new Map<string | undefined, PracticeItem[]>();
  for (const item of items.filter((i) => i.label === cls)) {
    const form = exampleForm(item);
    byForm.set(form, [...(byForm.get(form) ?? []), item]);
  }
  const rank = (form: string | undefined) => (form === undefined ? FORM_ORDER.length : FORM_ORDER.indexOf(form));
  const groups = [...byForm.entries()].sort(([a], [b]) => rank(a) - rank(b)).map(([, group]) => group);
  const picked: PracticeItem[] = [];
  for (let n = 0; picked.length < count && groups.some((g) => n < g.length); n++) {
    for (const group of groups) if (n < group.length && picked.length < count) picked.push(group[n]);
  }
  return picked;
}
