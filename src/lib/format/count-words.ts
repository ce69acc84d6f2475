/** "1 cell", "3 cells": a count with its noun, for sentences the UI shows. */
export function countWords(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
