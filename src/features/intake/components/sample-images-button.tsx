import { useState } from 'react';
import { Button, FOCUS_RING } from '@/components/button';
import { CLASS_NAMES } from '@/core/class-names';
import { fetchSampleFiles, SAMPLE_IMAGES, SAMPLE_SOURCES, type SampleImage } from '../utils/sample-images';

function describeSample(s: SampleImage): string {
  const names = s.cells.map((c) => CLASS_NAMES[c].label.toLowerCase());
  return s.kind === 'field'
    ? `a smear field with ${s.cells.length === 1 ? `one ${names[0]}` : `${s.cells.length} white cells (${names.join(', ')})`}`
    : `a single ${names[0]}`;
}

/** A first visit can try the app at once: committed sample images, each credited, through the normal intake. */
export function SampleImagesButton({ onFiles }: { onFiles: (files: File[]) => void }) {
  const [state, setState] = useState<{ loading: boolean; error?: string }>({ loading: false });
  const load = () => {
    if (state.loading) return;
    setState({ loading: true });
    fetchSampleFiles(import.meta.env.BASE_URL).then(
      (files) => {
        setState({ loading: false });
        onFiles(files);
      },
      (err: unknown) => setState({ loading: false, error: err instanceof Error ? err.message : String(err) }),
    );
  };
  return (
    <div className="flex flex-col items-center gap-1 text-sm">
      {/* Not disabled while loading: a disabled button drops the focus to the page, and the keys with it. */}
      <Button onClick={load} aria-disabled={state.loading} data-testid="try-samples">
        {state.loading ? 'Loading the samples…' : 'Try it with sample images'}
      </Button>
      {state.error && (
        <p role="alert" className="text-red-700 dark:text-red-300">
          The sample images could not be loaded ({state.error}).
        </p>
      )}
      <details className="max-w-xl text-left text-xs text-slate-600 dark:text-slate-400" data-testid="sample-credits">
        <summary className={`cursor-pointer rounded-sm text-center ${FOCUS_RING}`}>
          {SAMPLE_IMAGES.length} images; where they come from
        </summary>
        <ul className="mt-1 flex flex-col gap-0.5">
          {SAMPLE_IMAGES.map((s) => {
            const source = SAMPLE_SOURCES[s.source];
            return (
              <li key={s.file} data-file={s.file}>
                <span className="font-medium text-slate-800 dark:text-slate-200">{s.file}</span>: {describeSample(s)},
                from{' '}
                <a
                  href={source.url}
                  className={`underline underline-offset-2 ${FOCUS_RING}`}
                  target="_blank"
                  rel="noreferrer"
                >
                  {source.credit}
                </a>{' '}
                ({source.licence})
              </li>
            );
          })}
        </ul>
      </details>
    </div>
  );
}
