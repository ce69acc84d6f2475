import type { ReactNode } from 'react';
import { CaseRoute } from './case-route';
import { deleteAllLocalData } from '@/app/utils/delete-all-local-data';
import { AdaptPage } from '@/features/adapt/components/adapt-page';
import { AtlasPage } from '@/features/atlas/components/atlas-page';
import { ModelCardRoute } from './model-card-route';
import { PracticePage } from '@/features/practice/components/practice-page';
import { PrivacyPage } from '@/features/privacy/components/privacy-page';

/**
 * The app's pages, in navigation order. A feature adds its page here with one entry; the
 * analysis page ('') is the default. Pages are reached by hash (#/practice) so that a static
 * host and the offline cache serve one index.html for all of them.
 */
export interface PageEntry {
  readonly id: string;
  readonly label: string;
  readonly render: () => ReactNode;
}

export const PAGES: PageEntry[] = [
  { id: 'practice', label: 'Practice', render: () => <PracticePage /> },
  { id: 'atlas', label: 'Atlas', render: () => <AtlasPage /> },
  { id: 'adapt', label: 'Adapt', render: () => <AdaptPage /> },
  { id: 'model', label: 'Model card', render: () => <ModelCardRoute /> },
  { id: 'case', label: 'Case', render: () => <CaseRoute /> },
  { id: 'privacy', label: 'Privacy', render: () => <PrivacyPage onDeleteAll={deleteAllLocalData} /> },
];
