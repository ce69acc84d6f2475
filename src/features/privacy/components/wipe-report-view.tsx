import type { WipeReport } from '@/lib/storage/wipe-local-data';
import { countWords } from '@/lib/format/count-words';

/** Says exactly what a wipe removed, and what it kept and why. */
export function WipeReportView({ report }: { report: WipeReport }) {
  const { databases, blocked, storageKeys, imagesInMemory } = report;
  return (
    <div className="rounded-lg border border-slate-300 p-4 text-sm dark:border-slate-700">
      <h3 className="font-semibold">Deleted from this device</h3>
      <ul className="mt-2 list-disc space-y-1 pl-5" data-testid="wipe-report">
        {databases.length === 0 && <li>Saved data: none was stored.</li>}
        {databases.map((d) => (
          <li key={d.name} data-database={d.name}>
            Database <code>{d.name}</code>:{' '}
            {d.detail ? `${d.detail} (${countWords(d.records, 'record')})` : countWords(d.records, 'record')}
          </li>
        ))}
        <li data-testid="wipe-memory">Results on the Analyse page: {countWords(imagesInMemory, 'image')}</li>
        {storageKeys.length > 0 && (
          <li>
            Stored settings:{' '}
            {storageKeys.map((k) => (
              <code key={k}>{k} </code>
            ))}
          </li>
        )}
      </ul>
      {blocked.length > 0 && (
        <p role="alert" className="mt-2 text-amber-800 dark:text-amber-200">
          Still open in another HematoVision tab: {blocked.join(', ')}. It is deleted as soon as that tab is closed.
        </p>
      )}
      <p className="mt-2 text-slate-600 dark:text-slate-400">
        Kept: the app's own offline copy (program and model, no data of yours) and your light/dark theme choice.
      </p>
    </div>
  );
}
