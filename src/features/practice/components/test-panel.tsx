import { useCallback, useEffect, useRef, useState } from 'react';
import { Button } from '@/components/button';
import { OutlinedImage } from '@/components/outlined-image';
import { CELL_CLASSES, type CellClass } from '@/core/model-spec';
import { practiceImageUrl } from '@/lib/network/practice-manifest';
import { formatDuration } from '@/features/practice/utils/scoring';
import { useKeepInViewOnPhone } from '../hooks/use-keep-in-view-on-phone';
import { usePracticeStore } from '../stores/practice-store';
import { useTestStore } from '../stores/test-store';
import { AnswerButtons } from './answer-buttons';
import { TestCertificate } from './test-certificate';

/** The proficiency test: what it is and past results, the timed test itself, then the certificate. */
export function TestPanel() {
  const phase = useTestStore((s) => s.phase);
  const message = useTestStore((s) => s.message);
  const init = useTestStore((s) => s.init);
  useEffect(() => void init(), [init]);
  if (phase === 'loading') return <p className="text-sm">Loading the test…</p>;
  if (phase === 'error')
    return (
      <p role="alert" className="text-sm text-red-700 dark:text-red-300">
        {message}
      </p>
    );
  if (phase === 'testing') return <TestQuestion />;
  if (phase === 'done') return <TestCertificate />;
  return <TestStart />;
}

function TestStart() {
  const { start, show, items } = useTestStore();
  const tests = usePracticeStore((s) => s.progress.tests);
  return (
    <section aria-labelledby="test-title" className="flex flex-col gap-4" data-testid="test-start">
      <h2 id="test-title" className="text-lg font-semibold">
        Proficiency test
      </h2>
      <p className="max-w-2xl text-sm text-slate-700 dark:text-slate-200">
        {items.length} cells, the same for everyone, spread evenly over the {CELL_CLASSES.length} classes the model
        knows. Name each one; nothing tells you whether you were right until the end, and the clock runs from the start.
        Then a score per class and a certificate to print. The result stays on this device.
      </p>
      <div>
        <Button variant="primary" onClick={() => void start()} data-testid="start-test">
          Start the test
        </Button>
      </div>
      {tests.length > 0 && (
        <ul className="flex flex-col gap-1 text-sm" data-testid="test-history">
          {[...tests].reverse().map((t) => (
            <li key={t.startedAt} className="flex flex-wrap items-center gap-2">
              <span>{new Date(t.startedAt).toLocaleString()}:</span>
              <strong>{`${t.answers.filter((a) => a.answer === a.truth).length} of ${t.answers.length}`}</strong>
              <span>in {formatDuration(t.endedAt - t.startedAt)}</span>
              <Button variant="ghost" onClick={() => show(t)}>
                Certificate
              </Button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function TestQuestion() {
  const { items, answers, startedAt, answer, abandon } = useTestStore();
  const onAnswer = useCallback((cls: CellClass) => void answer(cls), [answer]);
  const now = useNow();
  const item = items[answers.length];
  const section = useRef<HTMLElement>(null);
  useKeepInViewOnPhone(section, item?.id);
  if (!item) return null;
  return (
    <section
      ref={section}
      aria-labelledby="test-question-title"
      className="flex flex-col gap-3"
      data-testid="test-question"
      data-item-id={item.id}
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="test-question-title" className="text-lg font-semibold" data-testid="test-position">
          Cell {answers.length + 1} of {items.length}
        </h2>
        <p className="text-sm tabular-nums" aria-label="Time since the start">
          {formatDuration(now - startedAt)}
        </p>
        <Button variant="ghost" onClick={() => void abandon()}>
          Stop the test
        </Button>
      </div>
      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
        <div className="mx-auto w-full max-w-[36svh] sm:max-w-none">
          <OutlinedImage
            key={item.id}
            src={practiceImageUrl(item)}
            width={item.width}
            height={item.height}
            box={item.box}
            alt="A cell to name, outlined by a dashed yellow box"
          />
        </div>
        <AnswerButtons onAnswer={onAnswer} disabled={false} />
      </div>
    </section>
  );
}

function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, []);
  return now;
}
