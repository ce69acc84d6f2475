import { Button } from '@/components/button';
import type { CaseImage, CaseMeta } from '@/lib/storage/case-types';
import { downloadBlob, safeFileName } from '@/lib/files/download-blob';
import type { CaseCell } from '@/features/case/utils/case-cells';
import { caseCsv, differentialCsv } from '@/features/case/utils/case-csv';
import { caseJson } from '@/features/case/utils/case-json';
import { useCaseStore } from '../stores/case-store';
import { CaseNameField } from './case-name-field';
import { CaseProfilePicker } from './case-profile-picker';
import { tally } from '@/features/case/utils/tally';
import { useCalibrationNote } from '../hooks/use-calibration-note';
import { CaseCalibration } from './case-calibration';

/**
 * The case's name (editable), a new case, and the exports: the cells as CSV, the differential with
 * its intervals as CSV, JSON and the printed report.
 */
export function CaseHeader({
  meta,
  images,
  cells,
}: {
  meta: CaseMeta;
  images: readonly CaseImage[];
  cells: readonly CaseCell[];
}) {
  const newCase = useCaseStore((s) => s.newCase);
  const calibration = useCalibrationNote(meta.id, cells);
  const base = `${safeFileName(meta.name)}-${new Date().toISOString().slice(0, 10)}`;
  const empty = cells.length === 0;
  return (
    <div className="flex flex-wrap items-end gap-3">
      <CaseNameField meta={meta} />
      <CaseProfilePicker meta={meta} images={images} />
      <Button
        disabled={empty}
        onClick={() =>
          downloadBlob(new Blob([caseCsv(meta, images, cells, calibration)], { type: 'text/csv' }), `${base}.csv`)
        }
      >
        Export CSV
      </Button>
      <Button
        disabled={empty}
        onClick={() =>
          downloadBlob(
            new Blob([differentialCsv(meta, tally(cells), Date.now(), calibration)], { type: 'text/csv' }),
            `${base}-differential.csv`,
          )
        }
      >
        Export differential CSV
      </Button>
      <Button
        disabled={empty}
        onClick={() =>
          downloadBlob(
            new Blob([JSON.stringify(caseJson(meta, images, cells, Date.now(), calibration), null, 2)], {
              type: 'application/json',
            }),
            `${base}.json`,
          )
        }
      >
        Export JSON
      </Button>
      <Button id="case-print-report" disabled={empty} onClick={() => window.print()}>
        Print report
      </Button>
      <Button variant="primary" onClick={newCase} disabled={images.length === 0}>
        New case
      </Button>
      <CaseCalibration meta={meta} images={images} cells={cells} />
    </div>
  );
}
