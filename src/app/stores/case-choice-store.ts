import { create } from 'zustand';

/**
 * Whether analysed images may join the open case yet. On a new visit the stored case comes back
 * first (`restoring`); when it holds cells from an earlier visit the user is asked whether to
 * continue it or start a new one (`asking`), and images analysed meanwhile wait for the answer.
 */
export type CaseChoiceState = 'restoring' | 'asking' | 'settled';

export const useCaseChoice = create<{ state: CaseChoiceState }>(() => ({ state: 'restoring' }));

/**
 * What a new visit does with the case it found: asks only about a case with cells that no other
 * tab has open (a second tab beside a working one carries on with it, as the first does).
 */
export function choiceOnArrival(found: { readonly cellCount: number } | undefined, openElsewhere: boolean) {
  return found && found.cellCount > 0 && !openElsewhere ? 'asking' : 'settled';
}

export function settleCaseChoice(): void {
  useCaseChoice.setState({ state: 'settled' });
}
