import type { TiffFacts } from '@/core/tiff-image';

/** What the user is told about a decoded TIFF: pages left unread, 16-bit levels scaled. */
export function tiffNotes(facts: TiffFacts): string[] {
  const notes: string[] = [];
  if (facts.pages > 1) {
    notes.push(
      `This TIFF holds ${facts.pages} pages: only the first was analysed. Save each page as an image of its own to analyse it.`,
    );
  }
  if (facts.scaledFrom !== undefined) {
    notes.push(`16-bit TIFF: its levels 0–${facts.scaledFrom} were scaled to the 256 levels the model reads.`);
  }
  return notes;
}
