import type { ReactNode } from 'react';

export interface TableColumn {
  readonly label: ReactNode;
  /** Figures sit right-aligned, under a right-aligned head. */
  readonly numeric?: boolean;
  readonly key?: string;
}

interface TableHeadProps {
  readonly columns: readonly TableColumn[];
  /** The space after every column but the last; the body's cells use the same, so heads sit over their figures. */
  readonly gap?: 'pr-3' | 'pr-4';
  /** Extra classes of every head cell (a roomier `py-1` in the model card's tables). */
  readonly cellClassName?: string;
}

/** The head row of the app's figure tables: column heads in a rule-underlined row. */
export function TableHead({ columns, gap = 'pr-4', cellClassName = '' }: TableHeadProps) {
  return (
    <thead>
      <tr className="border-b border-slate-300 text-left align-bottom dark:border-slate-700">
        {columns.map((column, i) => (
          <th
            key={column.key ?? (typeof column.label === 'string' ? column.label : i)}
            scope="col"
            className={[cellClassName, i < columns.length - 1 ? gap : '', column.numeric ? 'text-right' : '']
              .filter(Boolean)
              .join(' ')}
          >
            {column.label}
          </th>
        ))}
      </tr>
    </thead>
  );
}
