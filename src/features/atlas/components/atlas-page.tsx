import { useEffect, useState } from 'react';
import { OutlinedImage } from '@/components/outlined-image';
import { PracticeSetCredit } from '@/components/practice-set-credit';
import { SegmentedControl } from '@/components/segmented-control';
import { CELL_CLASSES, type CellClass } from '@/core/model-spec';
import { CLASS_NAMES } from '@/core/class-names';
import { CELL_FACTS, normalShareInWords } from '@/core/cell-facts';
import { loadPracticeSet, practiceImageUrl, type PracticeItem } from '@/lib/network/practice-manifest';
import { atlasExamples, exampleForm } from '@/features/atlas/utils/atlas-examples';

/** Examples shown per cell type, taken from the practice set in its order, its forms in turn. */
const EXAMPLES = 8;

/** The atlas: one page per cell type, with examples (named by form or stage), key features, normal share and role. */
export function AtlasPage() {
  const [cls, setCls] = useState<CellClass>('NEUTROPHIL');
  const [items, setItems] = useState<PracticeItem[] | undefined>();
  const [error, setError] = useState<string>();
  useEffect(() => {
    loadPracticeSet().then(setItems, (err: unknown) => setError((err as Error).message));
  }, []);
  const facts = CELL_FACTS[cls];
  const label = CLASS_NAMES[cls].label;
  return (
    <section aria-labelledby="atlas-title" className="flex flex-col gap-4" data-testid="atlas" data-class={cls}>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h2 id="atlas-title" className="text-lg font-semibold">
          Atlas: {label}
        </h2>
        <SegmentedControl
          label="Cell type"
          value={cls}
          options={CELL_CLASSES.map((c) => ({ value: c, label: CLASS_NAMES[c].label }))}
          onChange={setCls}
        />
      </div>
      <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
        <dl className="flex flex-col gap-2 text-sm">
          <Fact term="Nucleus" text={facts.nucleus} />
          <Fact term="Cytoplasm" text={facts.cytoplasm} />
          <Fact term="Granules" text={facts.granules} />
          <Fact term="Size" text={facts.size} />
          <Fact term="Tell it apart" text={facts.tellApart} />
          <Fact term="Normal in adult blood" text={normalShareInWords(cls)} />
          <Fact term="What it does" text={facts.role} />
        </dl>
        <div>
          <h3 className="mb-2 text-sm font-semibold">Examples from the practice set (cell outlined)</h3>
          {error && <p role="alert">{error}</p>}
          <ul className="grid grid-cols-2 gap-2 sm:grid-cols-3 xl:grid-cols-4" data-testid="atlas-examples">
            {atlasExamples(items ?? [], cls, EXAMPLES).map((i, n) => {
              const form = exampleForm(i);
              return (
                <li key={i.id}>
                  <figure>
                    <OutlinedImage
                      src={practiceImageUrl(i)}
                      width={i.width}
                      height={i.height}
                      box={i.box}
                      alt={`${label}, example ${n + 1}${form ? `: ${form}` : ''}`}
                    />
                    {form && (
                      <figcaption className="text-xs text-slate-600 dark:text-slate-300" data-testid="atlas-form">
                        {form}
                      </figcaption>
                    )}
                  </figure>
                </li>
              );
            })}
          </ul>
          <div className="mt-2">
            <PracticeSetCredit />
          </div>
        </div>
      </div>
    </section>
  );
}

function Fact({ term, text }: { term: string; text: string }) {
  return (
    <div>
      <dt className="font-semibold">{term}</dt>
      <dd className="text-slate-700 dark:text-slate-200">{text}</dd>
    </div>
  );
}
