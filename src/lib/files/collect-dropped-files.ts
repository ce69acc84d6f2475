/**
 * Turns a drop into a flat list of files, walking into dropped folders. Entries must be taken
 * synchronously inside the drop handler; the walk itself is asynchronous.
 */
export function collectDroppedFiles(data: DataTransfer): Promise<File[]> {
  const entries: FileSystemEntry[] = [];
  const loose: File[] = [];
  for (const item of Array.from(data.items)) {
    if (item.kind !== 'file') continue;
    const entry = item.webkitGetAsEntry?.();
    const file = item.getAsFile();
    if (entry?.isDirectory) entries.push(entry);
    else if (file) loose.push(file);
  }
  if (data.items.length === 0) loose.push(...Array.from(data.files));
  return Promise.all(entries.map(walk)).then((nested) => [...loose, ...nested.flat()]);
}

async function walk(entry: FileSystemEntry): Promise<File[]> {
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
    if (file.name.startsWith('.')) return [];
    // Keep the folder path (as a folder picker would) so that same-named files stay distinguishable.
    Object.defineProperty(file, 'webkitRelativePath', { value: entry.fullPath.replace(/^\//, '') });
    return [file];
  }
  const reader = (entry as FileSystemDirectoryEntry).createReader();
  const children: FileSystemEntry[] = [];
  // readEntries returns results in pages; an empty page means the folder is done.
  for (;;) {
    const page = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
    if (page.length === 0) break;
    children.push(...page);
  }
  children.sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true }));
  const nested = await Promise.all(children.map(walk));
  return nested.flat();
}
