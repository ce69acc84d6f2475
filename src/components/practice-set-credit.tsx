/**
 * The credit that the practice set's licence (CC BY 4.0) asks for, shown wherever its images are:
 * the practice page and the atlas. public/practice/SOURCES.md gives the full record.
 */
export function PracticeSetCredit() {
  return (
    <p className="text-xs text-slate-600 dark:text-slate-300" data-testid="practice-set-credit">
      Images: PBC dataset, Hospital Clinic of Barcelona — A. Acevedo et al., “A dataset of microscopic peripheral blood
      cell images for development of automatic recognition systems”, <cite>Data in Brief</cite> 30 (2020) 105474,{' '}
      <a
        href="https://doi.org/10.1016/j.dib.2020.105474"
        className="text-blue-700 underline dark:text-blue-300"
        rel="noreferrer"
        target="_blank"
      >
        doi:10.1016/j.dib.2020.105474
      </a>
      , licensed{' '}
      <a
        href="https://creativecommons.org/licenses/by/4.0/"
        className="text-blue-700 underline dark:text-blue-300"
        rel="noreferrer"
        target="_blank"
      >
        CC BY 4.0
      </a>
      ; re-encoded as small JPEGs.
    </p>
  );
}
