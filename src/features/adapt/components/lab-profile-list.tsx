import { useState } from 'react';
import { useLabProfiles } from '@/components/use-lab-profiles';
import { labProfiles } from '@/lib/storage/adaptation-storage';
import { parseLabProfileJson } from '@/lib/files/lab-profile-file';
import { FileChoiceButton } from './file-choice-button';
import { LabProfileItem } from './lab-profile-item';

/** The lab profiles kept in this browser, and importing one exported from another. */
export function LabProfileList({ modelVersion }: { modelVersion?: string }) {
  const profiles = useLabProfiles();
  const [imported, setImported] = useState<{ ok: boolean; text: string }>();
  const importFile = async (file: File) => {
    try {
      const profile = parseLabProfileJson(await file.text());
      const existing = profiles?.find((p) => p.id === profile.id);
      if (existing) {
        setImported({ ok: true, text: `Already kept, as “${existing.name}”: nothing was added.` });
        return;
      }
      await labProfiles.save(profile);
      setImported({ ok: true, text: `Imported “${profile.name}”.` });
    } catch (err) {
      setImported({ ok: false, text: `Not imported: ${err instanceof Error ? err.message : String(err)}` });
    }
  };
  return (
    <section aria-labelledby="lab-profiles-title" className="flex flex-col gap-3" data-testid="lab-profiles">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h3 id="lab-profiles-title" className="text-base font-semibold">
          Your lab profiles
        </h3>
        <FileChoiceButton
          multiple={false}
          accept=".json,application/json"
          testId="lab-profile-import"
          onFiles={([file]) => file && void importFile(file)}
        >
          Import a profile…
        </FileChoiceButton>
      </div>
      <div aria-live="polite" className="text-sm">
        {imported && (
          <p
            data-testid="lab-profile-imported"
            className={imported.ok ? '' : 'text-red-800 dark:text-red-200'}
            role={imported.ok ? undefined : 'alert'}
          >
            {imported.text}
          </p>
        )}
      </div>
      {profiles?.length === 0 && (
        <p className="text-sm" data-testid="lab-profiles-none">
          None yet: every case is read by the shipped model. Adapt above to make one, or import one exported from
          another browser.
        </p>
      )}
      {profiles && profiles.length > 0 && (
        <ul className="flex flex-col gap-3">
          {profiles.map((p) => (
            <LabProfileItem key={`${p.id}:${p.name}`} profile={p} modelVersion={modelVersion} />
          ))}
        </ul>
      )}
    </section>
  );
}
