import { useEffect } from 'react';

/** Calls `onFiles` with the images pasted anywhere on the page (e.g. a screenshot). */
export function usePasteFiles(onFiles: (files: File[]) => void): void {
  useEffect(() => {
    const onPaste = (e: ClipboardEvent) => {
      const files = Array.from(e.clipboardData?.files ?? []);
      if (files.length === 0) return;
      e.preventDefault();
      const named = files.map((f, i) =>
        f.name && f.name !== 'image.png'
          ? f
          : new File([f], `pasted-${Date.now()}-${i + 1}.${extension(f.type)}`, { type: f.type }),
      );
      onFiles(named);
    };
    document.addEventListener('paste', onPaste);
    return () => document.removeEventListener('paste', onPaste);
  }, [onFiles]);
}

function extension(type: string): string {
  return type.split('/')[1]?.replace('jpeg', 'jpg') || 'bin';
}
