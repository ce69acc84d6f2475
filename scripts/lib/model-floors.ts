import { readFileSync } from 'node:fs';

/** Where the floors live, and one set's floor: the set, how many images it holds, the least it may read. */
export const FLOORS_FILE = 'training/floors.json';

export interface Floor {
  data: string;
  split?: string;
  partition?: string;
  images: number;
  accuracy: number;
  macroF1: number;
}

export function readFloors(): Record<string, Floor> {
  return JSON.parse(readFileSync(FLOORS_FILE, 'utf8')).floors;
}
