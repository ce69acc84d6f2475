import type { CellClass } from '@/core/model-spec';

interface ClassColours {
  /** Tailwind background of a probability bar or a legend dot. */
  readonly bar: string;
  /** The same colour as a hex string, for a box outline drawn on an image or a chart's line. */
  readonly stroke: string;
  /** Tailwind background and text of a chip that carries the class's name, light and dark. */
  readonly chip: string;
}

/**
 * How each class is coloured everywhere in the UI: its probability bar, its box outline and its
 * chip. Colour is never the only cue: the class's name (CLASS_NAMES in core) goes with it.
 *
 * Seven hues in Okabe and Ito's spirit (blue, orange, reddish purple, bluish green, sky blue,
 * yellow, vermilion), each moved in lightness and saturation until every pair, and each against
 * the grey of "not a white cell", stays apart for readers with protanopia, deuteranopia or
 * tritanopia, and every colour stands out 3:1 against a light and a dark page. Okabe and Ito's own
 * values fail that: their yellow is 1.3:1 on white. class-colours.test.ts holds the figures.
 * Hex values in the classes, as Tailwind reads them, so that the test measures what is drawn.
 */
export const CLASS_COLOURS: Record<CellClass, ClassColours> = {
  BASOPHIL: {
    bar: 'bg-[#3d61ff]',
    stroke: '#3d61ff',
    chip: 'bg-[#e2e7ff] text-[#182766] dark:bg-[#0f1840] dark:text-[#d8dfff]',
  },
  EOSINOPHIL: {
    bar: 'bg-[#885b07]',
    stroke: '#885b07',
    chip: 'bg-[#ede6da] text-[#362403] dark:bg-[#221702] dark:text-[#e7decd]',
  },
  LYMPHOCYTE: {
    bar: 'bg-[#d6005d]',
    stroke: '#d6005d',
    chip: 'bg-[#f9d9e7] text-[#560025] dark:bg-[#360017] dark:text-[#f7ccdf]',
  },
  MONOCYTE: {
    bar: 'bg-[#147160]',
    stroke: '#147160',
    chip: 'bg-[#dceae7] text-[#082d26] dark:bg-[#051c18] dark:text-[#d0e3df]',
  },
  NEUTROPHIL: {
    bar: 'bg-[#239cc7]',
    stroke: '#239cc7',
    chip: 'bg-[#def0f7] text-[#0e3e50] dark:bg-[#092732] dark:text-[#d3ebf4]',
  },
  IG: {
    bar: 'bg-[#a58809]',
    stroke: '#a58809',
    chip: 'bg-[#f2edda] text-[#423604] dark:bg-[#292202] dark:text-[#ede7ce]',
  },
  ERYTHROBLAST: {
    bar: 'bg-[#dc7874]',
    stroke: '#dc7874',
    chip: 'bg-[#faebea] text-[#58302e] dark:bg-[#371e1d] dark:text-[#f8e4e3]',
  },
};

/** A cell set aside as not a white cell (or unclassifiable): a neutral grey, apart from every class. */
export const NOT_WHITE_CELL_COLOURS: ClassColours = {
  bar: 'bg-[#64748b]',
  stroke: '#64748b',
  chip: 'bg-[#e2e8f0] text-[#0f172a] dark:bg-[#334155] dark:text-[#f1f5f9]',
};
