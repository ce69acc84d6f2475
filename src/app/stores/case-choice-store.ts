import { create } from 'zustand';

/**
 * Whether analysed images may join the open case yet. On a new visit the stored case comes back
 * first (`restoring`); when it holds cells from an earlier visit the user is asked whether to
 * continue it or start a new one (`asking`), and images analysed meanwhile wait for the answer.
 */
export type CaseChoiceState = 'restoring' | 'asking' | 'settled';

export const useCaseChoice = create<{ state: CaseChoiceState }>(() => ({ state: 'restoring' }));

/**
 * Set in a tab's sessionStorage once its user has answered: a reload of that tab carries on with
 * the case it chose (stored with the cases), and only a new tab asks again.
 */
const ANSWERED_KEY = 'hematovision.case-choice-answered';

function answeredInThisTab(): boolean {
  try {
    return sessionStorage.getItem(ANSWERED_KEY) === 'yes';
  } catch {
    return false;
  }
}

/**
 * What a new visit does with the case it found: asks only about a case with cells that no other
 * tab has open (a second tab beside a working one carries on with it, as the first does), and
 * only once in a tab.
 */
export function choiceOnArrival(
  found: { readonly cellCount: number } | undefined,
  openElsewhere: boolean,
  answered = answeredInThisTab(),
) {
  return found && found.cellCount > 0 && !openElsewhere && !answered ? 'asking' : 'settled';
}

export function settleCaseChoice(): void {
  if (useCaseChoice.getState().state === 'asking') {
    try {
      sessionStorage.setItem(ANSWERED_KEY, 'yes');
    } catch {
      // Web Storage off: the next reload asks again, which loses nothing.
    }
  }
  useCaseChoice.setState({ state: 'settled' });
}
