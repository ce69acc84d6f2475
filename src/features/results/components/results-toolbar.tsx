import { useId } from 'react';
import { Button, FOCUS_RING } from '@/components/button';
import { SegmentedControl } from '@/components/segmented-control';
import { CELL_CLASSES } from '@/core/model-spec';
import { CLASS_NAMES } from '@/core/class-names';
import { clearResults } from '@/features/results/utils/batch-runner';
import { useResultsStore, type FilterKey, type SortKey } from '../stores/results-store';

/** "an eosinophil", "a basophil": the article a spoken name takes. */
const withArticle = (name: string) => `${/^[aeiou]/i.test(name) ? 'an' : 'a'} ${name}`;

const SELECT = `rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm dark:border-slate-600 dark:bg-slate-900 ${FOCUS_RING}`;

/** View, sort and filter controls, and "clear all". */
export function ResultsToolbar() {
  const { view, sort, filter, setView, setSort, setFilter } = useResultsStore();
  const sortId = useId();
  const filterId = useId();
  return (
    <div className="flex flex-wrap items-end gap-3">
      <SegmentedControl
        label="Layout"
        value={view}
        options={[
          { value: 'grid', label: 'Grid' },
          { value: 'list', label: 'List' },
        ]}
        onChange={setView}
      />
      <div className="flex flex-col gap-0.5">
        <label htmlFor={sortId} className="text-xs text-slate-600 dark:text-slate-400">
          Sort by
        </label>
        <select id={sortId} value={sort} onChange={(e) => setSort(e.target.value as SortKey)} className={SELECT}>
          <option value="added">Order added</option>
          <option value="name">File name</option>
          <option value="review">Needs review first</option>
          <option value="confidence">Least confident first</option>
        </select>
      </div>
      <div className="flex flex-col gap-0.5">
        <label htmlFor={filterId} className="text-xs text-slate-600 dark:text-slate-400">
          Show
        </label>
        <select
          id={filterId}
          data-testid="filter"
          value={filter}
          onChange={(e) => setFilter(e.target.value as FilterKey)}
          className={SELECT}
        >
          <option value="all">All images</option>
          <option value="review">Needs review</option>
          <option value="problems">Problems (no cell, unreadable)</option>
          {CELL_CLASSES.map((c) => (
            <option key={c} value={c}>
              With {withArticle(CLASS_NAMES[c].label.toLowerCase())}
            </option>
          ))}
        </select>
      </div>
      <Button className="ml-auto" onClick={clearResults}>
        Clear all
      </Button>
    </div>
  );
}
