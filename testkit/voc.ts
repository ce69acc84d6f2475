import { readFile } from 'node:fs/promises';
import type { Box } from '@/core/rgba-image';

/** Reads the boxes of one class (e.g. "WBC") from a Pascal VOC annotation file. */
export async function readVocBoxes(path: string, className: string): Promise<Box[]> {
  const xml = await readFile(path, 'utf8');
  const boxes: Box[] = [];
  for (const obj of xml.matchAll(/<object>([\s\S]*?)<\/object>/g)) {
    const name = /<name>\s*([^<]+?)\s*<\/name>/.exec(obj[1])?.[1];
    if (name !== className) continue;
    const num = (tag: string) => Number(new RegExp(`<${tag}>\\s*([-\\d.]+)\\s*</${tag}>`).exec(obj[1])?.[1]);
    const x0 = num('xmin');
    const y0 = num('ymin');
    boxes.push({ x: x0, y: y0, width: num('xmax') - x0, height: num('ymax') - y0 });
  }
  return boxes;
}
