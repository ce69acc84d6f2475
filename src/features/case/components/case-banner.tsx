import { cellsInCase } from '@/lib/storage/case-edits';
import { useCaseStore } from '../stores/case-store';

/** On the analysis page: which case the analysed images are going into, and a way there. */
export function CaseBanner() {
  const name = useCaseStore((s) => s.meta.name);
  const images = useCaseStore((s) => s.images.length);
  const cells = useCaseStore((s) => cellsInCase(s.meta));
  if (images === 0) return null;
  return (
    <p className="text-sm text-slate-700 dark:text-slate-300" data-testid="case-banner">
      Adding to case <strong>{name}</strong>: {images} image{images === 1 ? '' : 's'}, {cells} cell
      {cells === 1 ? '' : 's'}.{' '}
      <a href="#/case" className="font-medium text-blue-700 underline dark:text-blue-300">
        Count, correct and export the differential
      </a>
    </p>
  );
}
