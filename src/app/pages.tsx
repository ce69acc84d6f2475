import type { ReactNode } from 'react';
import { CaseRoute } from './case-route';
import { ModelCardPage } from '../features/model-card/components/model-card-page';

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
  { id: 'model', label: 'Model card', render: () => <ModelCardPage /> },
  { id: 'case', label: 'Case', render: () => <CaseRoute /> },
];
