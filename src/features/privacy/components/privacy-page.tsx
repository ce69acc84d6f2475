import { useRef } from 'react';
import type { WipeReport } from '@/lib/storage/wipe-local-data';
import { useFocusSection } from '../hooks/use-focus-section';
import { DeleteLocalData } from './delete-local-data';
import { HowWeTest } from './how-we-test';

/** Privacy and local data: what stays on the device, how we prove it, and deleting it all. */
export function PrivacyPage({ onDeleteAll }: { onDeleteAll: () => Promise<WipeReport> }) {
  const howRef = useRef<HTMLHeadingElement>(null);
  useFocusSection('how-we-test', howRef);
  return (
    <div className="flex max-w-3xl flex-col gap-8" data-testid="privacy-page">
      <section className="flex flex-col gap-2 text-sm">
        <h2 className="text-lg font-semibold">Your images stay on this device</h2>
        <p>
          Images are analysed on this device. Nothing is uploaded. The model runs in your browser; saved cases, practice
          progress and a model adapted to your lab are kept in this browser's storage and nowhere else.
        </p>
      </section>
      <DeleteLocalData onDeleteAll={onDeleteAll} />
      <HowWeTest headingRef={howRef} />
    </div>
  );
}
