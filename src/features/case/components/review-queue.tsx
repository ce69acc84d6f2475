import { useEffect, useRef, useState } from 'react';
import { Button, FOCUS_RING } from '@/components/button';
import { CELL_CLASSES } from '@/core/model-spec';
import { CLASS_NAMES } from '@/core/class-names';
import { ProbabilityBars } from '@/components/probability-bars';
import { formatPercent } from '@/lib/format/numbers';
import type { CaseImage } from '@/lib/storage/case-types';
import { blobUrl } from '@/features/case/utils/blob-url';
import type { CaseCell } from '@/features/case/utils/case-cells';
import { CLASS_KEYS_HINT, classForKey } from '@/components/class-keys';
import { useCaseStore } from '../stores/case-store';
import { ClassPicker } from './class-picker';
import { TALLY_HEADING_ID } from './differential-tally';
import { FINAL_STYLE } from '@/features/case/utils/final-class-style';

/** The box's share of the cell picture's side (the worker cuts 1.5 × the box). */
const BOX_SHARE = 1 / 1.5;

/**
 * Steps through only the cells the model flagged for review, one at a time and enlarged, as a
 * technologist verifies pre-classified cells. Keys: → or J next, ← or K previous, a class's number / 0 / X
 * set the class and go on, Enter confirms the model's class and goes on. Each decision is recorded
 * (the cell is then reviewed); past the last cell the queue ends with a summary.
 */
export function ReviewQueue({ cells }: { cells: readonly CaseCell[]; images?: readonly CaseImage[] }) {
  const decide = useCaseStore((s) => s.decide);
  const undecide = useCaseStore((s) => s.undecide);
  const queue = cells.filter((c) => c.cell.needsReview);
  const [pos, setPos] = useState(0);
  const panel = useRef<HTMLDivElement>(null);
  /** The summary's buttons lead back into the queue: the panel takes focus, so J and Enter work at once. */
  const focusPanel = useRef(false);
  useEffect(() => {
    if (!focusPanel.current || !panel.current) return;
    focusPanel.current = false;
    panel.current.focus();
  });
  const ended = queue.length > 0 && pos >= queue.length;
  if (queue.length === 0) {
    return (
      <p
        id="review-heading"
        tabIndex={-1}
        className={`text-sm text-slate-600 dark:text-slate-400 ${FOCUS_RING}`}
        data-testid="review-empty"
      >
        No cell in this case is flagged for review.
      </p>
    );
  }
  const reviewed = queue.filter((q) => q.decided).length;
  if (ended) {
    return (
      <QueueSummary
        flagged={queue.length}
        reviewed={reviewed}
        corrected={queue.filter((q) => q.corrected).length}
        onRestart={(to) => {
          focusPanel.current = true;
          setPos(to);
        }}
        firstUnreviewed={queue.findIndex((q) => !q.decided)}
      />
    );
  }
  const i = Math.min(pos, queue.length - 1);
  const c = queue[i];
  const picture = c.picture;
  // One past the last cell is the summary.
  const go = (to: number) => setPos(Math.max(0, Math.min(queue.length, to)));
  const setAndNext = (final: (typeof c)['final']) => {
    decide(c.key, final);
    go(i + 1);
  };
  const b = c.cell.box;
  const side = Math.max(b.width, b.height);
  const inset = (1 - BOX_SHARE) / 2;
  return (
    <section aria-labelledby="review-heading" className="flex flex-col gap-2">
      <h3 id="review-heading" tabIndex={-1} className={`text-base font-semibold ${FOCUS_RING}`}>
        Review queue
      </h3>
      <p className="text-xs text-slate-600 dark:text-slate-400">
        {queue.length} cell{queue.length === 1 ? '' : 's'} flagged, {reviewed} reviewed. Focus the panel, then: → or J
        next, ← or K previous, 1–{CELL_CLASSES.length} / 0 / X set the class and go on, Enter keep the model's class and
        go on, U back to the model's class.
      </p>
      <div
        ref={panel}
        tabIndex={0}
        role="group"
        aria-roledescription="review queue"
        aria-label={`Review cell ${i + 1} of ${queue.length}: cell ${c.index + 1} of ${c.imageName}, ${FINAL_STYLE[c.final].label}`}
        aria-keyshortcuts={`ArrowRight ArrowLeft J K ${CLASS_KEYS_HINT} Enter U`}
        data-testid="review-queue"
        data-key={c.key}
        onKeyDown={(e) => {
          const cls = classForKey(e.key);
          if (cls) setAndNext(cls);
          else if (e.key === 'ArrowRight' || e.key === 'j' || e.key === 'J') go(i + 1);
          else if (e.key === 'ArrowLeft' || e.key === 'k' || e.key === 'K') go(i - 1);
          else if (e.key === 'Enter') setAndNext(c.final);
          else if (e.key === 'u' || e.key === 'U') void undecide(c.key);
          else return;
          e.preventDefault();
        }}
        className={`flex flex-col gap-3 rounded-lg border border-slate-200 bg-white p-3 sm:flex-row dark:border-slate-800 dark:bg-slate-900 ${FOCUS_RING}`}
      >
        <div className="relative h-64 w-64 shrink-0 overflow-hidden rounded bg-slate-100 dark:bg-slate-800">
          {picture && (
            <img
              src={blobUrl(picture)}
              alt={`Cell ${c.index + 1} of ${c.imageName}, enlarged`}
              className="h-full w-full"
            />
          )}
          <div
            aria-hidden="true"
            className="absolute border-2 border-dashed border-amber-500"
            style={{
              left: `${(inset + ((side - b.width) / 2 / side) * BOX_SHARE) * 100}%`,
              top: `${(inset + ((side - b.height) / 2 / side) * BOX_SHARE) * 100}%`,
              width: `${(b.width / side) * BOX_SHARE * 100}%`,
              height: `${(b.height / side) * BOX_SHARE * 100}%`,
            }}
          />
        </div>
        <div className="flex min-w-0 flex-1 flex-col gap-2 text-sm">
          <p className="tabular-nums" data-testid="review-position">
            {i + 1} / {queue.length} · {c.imageName}, cell {c.index + 1}
            {c.cell.touchesEdge ? ' · cut by edge' : ''}
          </p>
          <p>
            Model: <strong>{CLASS_NAMES[c.predicted].label}</strong> {formatPercent(c.cell.confidence)} · Now:{' '}
            <strong data-testid="review-final">{FINAL_STYLE[c.final].label}</strong>
            {c.decided ? ' (reviewed)' : ''}
          </p>
          <ProbabilityBars probabilities={c.cell.probabilities} keyed className="max-w-sm" />
          <ClassPicker value={c.final} label="Class of this cell" onChange={setAndNext} focusable />
          <div className="flex gap-2">
            <Button onClick={() => go(i - 1)} disabled={i === 0}>
              ← Previous
            </Button>
            <Button onClick={() => go(i + 1)}>{i === queue.length - 1 ? 'Finish →' : 'Next →'}</Button>
          </div>
        </div>
      </div>
    </section>
  );
}

/** The end of the queue: what was reviewed, and ways back to the cells left or to the differential. */
function QueueSummary({
  flagged,
  reviewed,
  corrected,
  firstUnreviewed,
  onRestart,
}: {
  flagged: number;
  reviewed: number;
  corrected: number;
  firstUnreviewed: number;
  onRestart: (pos: number) => void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  // The panel that had focus is gone: focus moves here so that keyboard and screen reader users follow.
  useEffect(() => heading.current?.focus(), []);
  const left = flagged - reviewed;
  return (
    <section aria-labelledby="review-heading" className="flex flex-col gap-2" data-testid="review-summary">
      <h3 id="review-heading" ref={heading} tabIndex={-1} className={`text-base font-semibold ${FOCUS_RING}`}>
        Review queue finished
      </h3>
      <dl className="grid max-w-xs grid-cols-[1fr_auto] gap-x-4 text-sm tabular-nums">
        <dt>Cells flagged</dt>
        <dd data-testid="review-summary-flagged">{flagged}</dd>
        <dt>Reviewed</dt>
        <dd data-testid="review-summary-reviewed">{reviewed}</dd>
        <dt className="pl-3">confirmed as the model read them</dt>
        <dd data-testid="review-summary-confirmed">{reviewed - corrected}</dd>
        <dt className="pl-3">corrected</dt>
        <dd data-testid="review-summary-corrected">{corrected}</dd>
        <dt>Not yet reviewed</dt>
        <dd data-testid="review-summary-left">{left}</dd>
      </dl>
      <div className="flex flex-wrap gap-2">
        {left > 0 && <Button onClick={() => onRestart(firstUnreviewed)}>Review the {left} left</Button>}
        <Button onClick={() => onRestart(0)}>Start the queue again</Button>
        <Button
          variant="primary"
          onClick={() => {
            const tally = document.getElementById(TALLY_HEADING_ID);
            tally?.scrollIntoView({ block: 'start' });
            tally?.focus();
          }}
        >
          Back to the case
        </Button>
      </div>
    </section>
  );
}
