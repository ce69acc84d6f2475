/**
 * The card's note for a wide field (ImageAnalysis.magnification > 1): the user should know that
 * cells were looked for at a finer scale and that small cells are classified from fewer pixels.
 */
export function wideFieldNote(magnification: number): string {
  return (
    `Wide field: its red cells look ${magnification.toFixed(1)}× smaller than in the fields the model was trained on, ` +
    'so white cells were looked for at a finer scale. Small cells give the classifier fewer pixels: check their classes.'
  );
}
