import type { PracticeItem } from '@/lib/network/practice-manifest';

/** The maturation stages that an immature granulocyte (IG) counts together, youngest first. */
export const IG_STAGES = ['promyelocyte', 'myelocyte', 'metamyelocyte'] as const;
export type IgStage = (typeof IG_STAGES)[number];

/** PBC names an IG file by its stage: PMY_ promyelocyte, MY_ myelocyte, MMY_ metamyelocyte; IG_ leaves it unsaid. */
const STAGE_OF_PREFIX: Readonly<Record<string, IgStage>> = {
  PMY: 'promyelocyte',
  MY: 'myelocyte',
  MMY: 'metamyelocyte',
};

/**
 * An immature granulocyte's stage, from the PBC file name its practice item came from
 * (`source: "pbc/IG/MMY_123.jpg"` → metamyelocyte). Undefined for other classes, and for an IG whose
 * file name does not say (IG_).
 */
export function igStage(item: Pick<PracticeItem, 'label' | 'source'>): IgStage | undefined {
  if (item.label !== 'IG') return undefined;
  const file = item.source.split('/').pop() ?? '';
  const prefix = /^([A-Z]+)_/.exec(file)?.[1];
  return prefix === undefined ? undefined : STAGE_OF_PREFIX[prefix];
}
