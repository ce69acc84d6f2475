/** At least this many labelled cells in each of at least two classes before adapting is offered. */
export const MIN_PER_CLASS = 3;

/** Whether labelled cells per class (CELL_CLASSES order) are enough to adapt on. */
export function enoughToAdapt(perClass: readonly number[]): boolean {
  return perClass.filter((n) => n >= MIN_PER_CLASS).length >= 2;
}
