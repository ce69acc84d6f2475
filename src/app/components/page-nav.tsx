import { PAGES } from './pages';

/** Top navigation between the analysis page and the pages features register in PAGES. */
export function PageNav({ current }: { current: string }) {
  const entries = [{ id: '', label: 'Analyse' }, ...PAGES];
  if (entries.length === 1) return null;
  return (
    <nav aria-label="Pages" className="flex flex-wrap gap-1">
      {entries.map((p) => (
        <a
          key={p.id}
          href={`#/${p.id}`}
          aria-current={current === p.id ? 'page' : undefined}
          className="rounded-md px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600 aria-[current=page]:bg-sky-100 aria-[current=page]:text-sky-900 dark:text-slate-200 dark:hover:bg-slate-800 dark:aria-[current=page]:bg-sky-900 dark:aria-[current=page]:text-sky-100"
        >
          {p.label}
        </a>
      ))}
    </nav>
  );
}
