import { useRef, useState } from 'react';
import { Button } from '@/components/button';
import { HeatmapCanvas } from '@/components/heatmap-canvas';
import { HeatmapControls } from '@/components/heatmap-controls';
import { OutlinedImage } from '@/components/outlined-image';
import { CELL_CLASSES } from '@/core/model-spec';
import { practiceImageUrl } from '@/lib/network/practice-manifest';
import { useCellHeatmaps } from '@/components/use-cell-heatmaps';
import { useKeepInViewOnPhone } from '../hooks/use-keep-in-view-on-phone';
import { useModelOpinion } from '../hooks/use-model-opinion';
import { usePracticeStore } from '../stores/practice-store';
import { AnswerButtons } from './answer-buttons';
import { FeedbackPanel } from './feedback-panel';
import { SessionStats } from './session-stats';

/** One question: the image with its cell outlined, one answer per class, then the feedback. */
export function QuizView() {
  const { current, phase, answers, size, answer, next, quit } = usePracticeStore();
  const opinion = useModelOpinion(current);
  const [heatmapOn, setHeatmapOn] = useState(true);
  const [opacity, setOpacity] = useState(0.55);
  const given = phase === 'feedback' ? answers[answers.length - 1] : undefined;
  const explained =
    opinion.status === 'done'
      ? [{ cellIndex: opinion.cellIndex, classIndex: CELL_CLASSES.indexOf(opinion.cell.predicted) }]
      : [];
  const section = useRef<HTMLElement>(null);
  useKeepInViewOnPhone(section);
  const { layers } = useCellHeatmaps(
    opinion.status === 'done' ? opinion.analysisId : undefined,
    explained,
    heatmapOn && given !== undefined,
  );
  if (!current) return null;
  const number = phase === 'feedback' ? answers.length : answers.length + 1;
  return (
    <section
      ref={section}
      aria-labelledby="question-title"
      className="flex flex-col gap-4"
      data-testid="quiz"
      data-item-id={current.id}
    >
      <SessionStats />
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 id="question-title" className="text-lg font-semibold" data-testid="question-number">
          Question {number} of {size}: which cell is outlined?
        </h2>
        <Button variant="ghost" onClick={quit}>
          End session
        </Button>
      </div>
      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_minmax(0,1fr)]">
        {/* On a phone the image is kept to a third of the screen's height, leaving the answers in view. */}
        <div className="mx-auto flex w-full max-w-[36svh] flex-col gap-2 sm:max-w-none">
          <OutlinedImage
            src={practiceImageUrl(current)}
            width={current.width}
            height={current.height}
            box={current.box}
            alt="Blood smear with one cell outlined by a dashed yellow box"
          >
            {given && (
              <HeatmapCanvas
                width={current.width}
                height={current.height}
                layers={layers}
                opacity={opacity}
                visible={heatmapOn}
                label="Heatmap: where the model found the evidence for its class"
              />
            )}
          </OutlinedImage>
          {given && opinion.status === 'done' && (
            <HeatmapControls visible={heatmapOn} opacity={opacity} onVisible={setHeatmapOn} onOpacity={setOpacity} />
          )}
        </div>
        <div className="flex flex-col gap-4">
          <AnswerButtons onAnswer={answer} disabled={phase !== 'question'} />
          {given && <FeedbackPanel answer={given} opinion={opinion} last={answers.length >= size} onNext={next} />}
        </div>
      </div>
    </section>
  );
}
