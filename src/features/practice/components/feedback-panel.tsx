import { Button } from '@/components/button';
import { CLASS_NAMES } from '@/core/class-names';
import type { PracticeAnswer } from '@/lib/storage/practice-storage';
import type { ModelOpinion } from '../hooks/use-model-opinion';
import { ClassHints } from './class-hints';
import { ModelOpinionView } from './model-opinion';

/** Right or wrong, the true class, the model's view, and what to look for. Focus lands on Next (the panel mounts once per answer), so Enter moves on. */
export function FeedbackPanel({
  answer,
  opinion,
  last,
  onNext,
}: {
  answer: PracticeAnswer;
  opinion: ModelOpinion;
  last: boolean;
  onNext: () => void;
}) {
  const right = answer.answer === answer.truth;
  return (
    <section aria-live="polite" className="flex flex-col gap-3" data-testid="feedback" data-correct={right}>
      <p
        className={`text-base font-semibold ${right ? 'text-emerald-700 dark:text-emerald-300' : 'text-red-700 dark:text-red-300'}`}
      >
        {right ? '✓ Right' : '✗ Not quite'}: this is {article(CLASS_NAMES[answer.truth].label)}{' '}
        <strong data-testid="true-class">{CLASS_NAMES[answer.truth].label.toLowerCase()}</strong>
        {right
          ? '.'
          : `, not ${article(CLASS_NAMES[answer.answer].label)} ${CLASS_NAMES[answer.answer].label.toLowerCase()}.`}
      </p>
      <ModelOpinionView opinion={opinion} />
      <div className="grid gap-4 md:grid-cols-2">
        <ClassHints cls={answer.truth} title="Look for" />
        {!right && <ClassHints cls={answer.answer} title="You chose" />}
      </div>
      <div>
        <Button autoFocus variant="primary" onClick={onNext} data-testid="next-question">
          {last ? 'See results' : 'Next question'}
        </Button>
      </div>
    </section>
  );
}

function article(word: string): string {
  return /^[aeiou]/i.test(word) ? 'an' : 'a';
}
