import { useId, useState } from 'react';
import { FOCUS_RING } from '@/components/button';
import type { CaseMeta } from '@/lib/storage/case-types';
import { useCaseStore } from '../stores/case-store';

/**
 * The case's name, stored as it is typed. While it has focus the field shows what was typed (each
 * keystroke's write commits a moment later, and a keystroke must not be lost meanwhile); otherwise
 * the stored name: another case opened, or a rename in another tab.
 */
export function CaseNameField({ meta }: { meta: Pick<CaseMeta, 'id' | 'name'> }) {
  const rename = useCaseStore((s) => s.rename);
  const id = useId();
  const [draft, setDraft] = useState<{ caseId: string; name: string }>();
  const value = draft && draft.caseId === meta.id ? draft.name : meta.name;
  return (
    <div className="flex min-w-60 flex-1 flex-col gap-0.5">
      <label htmlFor={id} className="text-xs text-slate-600 dark:text-slate-400">
        Case name (patient, slide or practice set)
      </label>
      <input
        id={id}
        data-testid="case-name"
        value={value}
        maxLength={120}
        onFocus={() => setDraft({ caseId: meta.id, name: meta.name })}
        onBlur={() => setDraft(undefined)}
        onChange={(e) => {
          setDraft({ caseId: meta.id, name: e.target.value });
          void rename(e.target.value);
        }}
        className={`rounded-md border border-slate-300 bg-white px-2 py-1.5 text-base font-semibold dark:border-slate-600 dark:bg-slate-900 ${FOCUS_RING}`}
      />
    </div>
  );
}
