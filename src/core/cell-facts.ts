import { PER_HUNDRED_WHITE_CELLS, type CellClass } from './model-spec';

/**
 * What a student should look for in each class of cell on a Wright/Giemsa-stained smear. One source
 * for the quiz's hints and the atlas, so the two never disagree. Sizes are relative to a red cell
 * (about 7–8 µm across), the ruler every smear carries with it.
 */
export interface CellFacts {
  readonly nucleus: string;
  readonly cytoplasm: string;
  readonly granules: string;
  readonly size: string;
  /** The one feature that tells it apart fastest, and the cell it is most often mistaken for. */
  readonly tellApart: string;
  /**
   * In normal adult blood: a white cell's share of the white cells ("40–70%"); for a class counted
   * per 100 white cells (PER_HUNDRED_WHITE_CELLS), its count per 100 white cells ("0"). The figures
   * alone, so a drill can read them; normalShareInWords says what they are.
   */
  readonly normalShare: string;
  readonly role: string;
}

export const CELL_FACTS: Record<CellClass, CellFacts> = {
  BASOPHIL: {
    nucleus: 'Two lobes or an irregular shape, usually hard to see: the granules lie over it and obscure it.',
    cytoplasm: 'Pale lilac where it shows between the granules, which is seldom.',
    granules:
      'Large, coarse, dense dark-purple to blue-black (basophilic) granules of uneven size, scattered over the whole cell and its nucleus.',
    size: 'About 10–14 µm: a little smaller than a neutrophil, under twice a red cell.',
    tellApart:
      'Dark purple-black granules that cover the nucleus. An eosinophil’s granules are orange-red and leave its two lobes visible; a lymphocyte’s dark nucleus is smooth, with no granules on it.',
    normalShare: '0–1%',
    role: 'Releases histamine and heparin from its granules in allergic (IgE-mediated) reactions and inflammation; a raised count points to a myeloproliferative disorder such as chronic myeloid leukaemia.',
  },
  EOSINOPHIL: {
    nucleus: 'Usually two lobes joined by a thin strand (“spectacles”); the lobes are often half hidden by granules.',
    cytoplasm: 'Packed with granules, so the cytoplasm itself is barely seen.',
    granules: 'Large, round, uniform orange-red (eosinophilic) granules that fill the cell.',
    size: 'About 12–17 µm: roughly twice a red cell.',
    tellApart:
      'Bright orange-red coarse granules. A neutrophil has fine, faint lilac granules and a band or 2–5 lobes.',
    normalShare: '1–4%',
    role: 'Fights parasites (helminths) and takes part in allergic reactions and asthma; raised in allergy and parasitic infection.',
  },
  LYMPHOCYTE: {
    nucleus: 'Round, dense, dark purple nucleus that fills most of the cell; chromatin clumped, no lobes.',
    cytoplasm: 'A thin rim of clear sky-blue cytoplasm, sometimes only a crescent on one side.',
    granules: 'Usually none (large granular lymphocytes have a few coarse azurophilic granules).',
    size: 'Small: 7–10 µm, about the size of a red cell (large lymphocytes up to 15 µm).',
    tellApart:
      'A round nucleus almost filling a red-cell-sized cell. A monocyte is bigger, with a folded nucleus and more grey cytoplasm.',
    normalShare: '20–40%',
    role: 'Adaptive immunity: B cells make antibodies, T cells kill infected cells and direct the response, NK cells kill virus-infected and tumour cells.',
  },
  MONOCYTE: {
    nucleus: 'Large, kidney- or horseshoe-shaped, folded or indented nucleus with lacy, open chromatin.',
    cytoplasm: 'Abundant grey-blue “ground-glass” cytoplasm, often with vacuoles.',
    granules: 'Very fine, dust-like azurophilic granules, if any.',
    size: 'The largest white cell: 15–20 µm, two to three red cells across.',
    tellApart: 'Big cell, folded nucleus, grey-blue cytoplasm. A lymphocyte is smaller with a round, dense nucleus.',
    normalShare: '2–8%',
    role: 'Leaves the blood to become a macrophage or dendritic cell: eats microbes and debris and presents antigens to T cells.',
  },
  NEUTROPHIL: {
    nucleus:
      'Bands and segmented forms: a band’s nucleus is a curved C or S of even width, not yet divided; a mature (segmented) one has 2–5 lobes joined by thin strands of chromatin.',
    cytoplasm: 'Pale pink to lilac cytoplasm.',
    granules: 'Fine, faint pink-lilac (neutral-staining) granules, much smaller than an eosinophil’s.',
    size: 'About 12–15 µm: roughly twice a red cell.',
    tellApart:
      'A band or lobes joined by thin strands, and pale, fine granules. An eosinophil has two lobes and coarse orange-red granules.',
    normalShare: '40–70%',
    role: 'First responder to bacterial infection: moves to the site, engulfs and kills bacteria; raised in bacterial infection and inflammation.',
  },
  IG: {
    nucleus:
      'By stage. Promyelocyte: round to oval, often eccentric, fine chromatin with one or more nucleoli. Myelocyte: round to oval and eccentric, chromatin coarser, no nucleoli. Metamyelocyte: indented, kidney- or bean-shaped, the indent less than half the nucleus’s width (deeper, it is a band).',
    cytoplasm:
      'Blue (basophilic) in the promyelocyte, turning lilac-pink through the myelocyte and metamyelocyte as the neutrophil’s granules fill it; a pale Golgi zone beside the nucleus in the promyelocyte and myelocyte.',
    granules:
      'Promyelocyte: many large purple-red primary (azurophilic) granules, often over the nucleus. From the myelocyte on: fine lilac-pink secondary (specific) granules, as in a neutrophil, with fewer primary ones.',
    size: 'Promyelocyte about 15–25 µm, the largest stage; myelocyte and metamyelocyte about 12–18 µm: a neutrophil’s size or a little more, two to three red cells across.',
    tellApart:
      'Neutrophil-like granules round a nucleus not yet a band or lobes. A band neutrophil’s nucleus is a curved C or S of even width; a monocyte has grey-blue ground-glass cytoplasm, lacy chromatin and a folded nucleus with no distinct granules.',
    normalShare: '0%',
    role: 'A granulocyte on its way to maturity, normally kept in the marrow (seen in blood in pregnancy and the newborn). In adult blood it is a left shift: severe bacterial infection or sepsis, inflammation or tissue damage, G-CSF treatment, or a myeloid disorder such as chronic myeloid leukaemia or myelodysplasia, or a marrow infiltrated by tumour.',
  },
  ERYTHROBLAST: {
    nucleus:
      'Round, small and very dense, dark purple-black, often eccentric; chromatin evenly clumped (“checkerboard”) and in the latest stage solid and structureless (pyknotic); no lobes, no nucleoli.',
    cytoplasm:
      'From blue (basophilic) in early forms through grey-lilac (polychromatic) to grey-pink (orthochromatic), the colour of a red cell’s haemoglobin, with a sharp edge.',
    granules: 'None.',
    size: 'About 8–12 µm, the late forms little bigger than a red cell: smaller than a small lymphocyte to about its size.',
    tellApart:
      'Pinker, red-cell-coloured cytoplasm and a denser, more regular, often eccentric nucleus. A small lymphocyte has sky-blue cytoplasm and coarser, less uniform chromatin. Not a white cell: counted per 100 white cells, never in the differential.',
    normalShare: '0',
    role: 'A red cell that still has its nucleus, normally only in the marrow (and in the newborn’s blood). In adult blood: haemolysis or heavy bleeding with a strong marrow response, severe hypoxia, thalassaemia, a marrow infiltrated or scarred (a leukoerythroblastic picture), or no spleen. Counted as white cells by mistake, they raise the white count, which a lab then corrects.',
  },
};
/**
 * A class's normal figure in adult blood, in words: "40–70% of white cells", or for a class
 * counted per 100 white cells "0 per 100 white cells".
 */
export function normalShareInWords(cls: CellClass): string {
  const share = CELL_FACTS[cls].normalShare;
  return PER_HUNDRED_WHITE_CELLS.includes(cls) ? `${share} per 100 white cells` : `${share} of white cells`;
}

/** Two or three short hints for a class: nucleus, cytoplasm and granules, and size. */
export function hintsFor(cls: CellClass): string[] {
  const f = CELL_FACTS[cls];
  return [`Nucleus: ${f.nucleus}`, `Cytoplasm: ${f.cytoplasm} Granules: ${f.granules}`, `Size: ${f.size}`];
}
