import { TableHead } from '@/components/table-head';
import { CLASS_NAMES } from '@/core/class-names';
import { pct, type SplitMetrics } from '@/features/model-card/utils/metrics';

/** Per-class precision, recall, F1 and the number of images of that class. */
export function ClassTable({ split, caption }: { split: SplitMetrics; caption: string }) {
  return (
    <table className="w-full max-w-xl text-sm tabular-nums" data-testid="class-table">
      <caption className="mb-1 text-left text-sm font-semibold">{caption}</caption>
      <TableHead
        gap="pr-3"
        cellClassName="py-1"
        columns={[
          { label: 'Class' },
          { label: 'Precision', numeric: true },
          { label: 'Recall', numeric: true },
          { label: 'F1', numeric: true },
          { label: 'Images', numeric: true },
        ]}
      />
      <tbody>
        {split.classes.map((cls) => {
          const m = split.perClass[cls];
          return (
            <tr key={cls} data-class={cls} className="border-b border-slate-200 dark:border-slate-800">
              <th scope="row" className="py-1 pr-3 text-left font-medium">
                {CLASS_NAMES[cls].label}
              </th>
              <td className="py-1 pr-3 text-right" data-metric="precision">
                {pct(m.precision)}
              </td>
              <td className="py-1 pr-3 text-right" data-metric="recall">
                {pct(m.recall)}
              </td>
              <td className="py-1 pr-3 text-right" data-metric="f1">
                {pct(m.f1)}
              </td>
              <td className="py-1 text-right" data-metric="support">
                {m.support}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
