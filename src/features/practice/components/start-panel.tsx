import { useState } from 'react';
import { Button } from '@/components/button';
import { PracticeSetCredit } from '@/components/practice-set-credit';
import { SegmentedControl } from '@/components/segmented-control';
import { CELL_CLASSES } from '@/core/model-spec';
import { SESSION_SIZES, usePracticeStore, type SessionSize } from '../stores/practice-store';
import { OverallProgress } from './overall-progress';
import { SessionHistory } from './session-history';

/** Choose a session length and start; past sessions below, with a reset. */
export function StartPanel() {
  const { size, setSize, start, progress, reset, items } = usePracticeStore();
  const [confirming, setConfirming] = useState(false);
  return (
    <section aria-labelledby="practice-title" className="flex flex-col gap-5">
      <div className="flex flex-col gap-2">
        <h2 id="practice-title" className="text-lg font-semibold">
          Practice
        </h2>
        <p className="max-w-2xl text-sm text-slate-700 dark:text-slate-200">
          Name the outlined cell:{' '}
          <span className="pointer-coarse:hidden">click an answer or press 1–{CELL_CLASSES.length}</span>
          <span className="hidden pointer-coarse:inline">tap an answer</span>. After each answer you see the true class,
          what the model thought and where it looked, and what to look for. Questions adapt: classes you miss come back
          more often.
          {` ${items.length} images; everything stays on this device and works offline.`}
        </p>
        <PracticeSetCredit />
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <SegmentedControl<string>
          label="Questions per session"
          value={String(size)}
          options={SESSION_SIZES.map((n) => ({ value: String(n), label: `${n} questions` }))}
          onChange={(v) => setSize(Number(v) as SessionSize)}
        />
        <Button variant="primary" onClick={start} data-testid="start-session">
          Start
        </Button>
      </div>
      <OverallProgress answers={progress.answers} />
      <SessionHistory sessions={progress.sessions} />
      {progress.sessions.length + progress.answers.length > 0 && (
        <div className="flex flex-wrap items-center gap-2 text-sm">
          {confirming ? (
            <>
              <span>Forget all practice progress on this device?</span>
              <Button
                onClick={() => {
                  setConfirming(false);
                  void reset();
                }}
                data-testid="confirm-reset"
              >
                Yes, reset
              </Button>
              <Button variant="ghost" onClick={() => setConfirming(false)}>
                Keep it
              </Button>
            </>
          ) : (
            <Button variant="ghost" onClick={() => setConfirming(true)} data-testid="reset-progress">
              Reset progress
            </Button>
          )}
        </div>
      )}
    </section>
  );
}
