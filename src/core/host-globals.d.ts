/**
 * The platform globals core uses beyond ECMAScript. Each host that runs core has them (the page,
 * the worker and Node ≥ 20), so core declares only the shapes it reads: its project has no DOM and
 * no Node types, and `document`, `window` or `Buffer` in core fail to compile.
 */

declare function setTimeout(callback: (...args: unknown[]) => void, ms?: number): unknown;

declare function fetch(url: string): Promise<import('./model-files').FetchedFile>;

declare class TextDecoder {
  decode(input?: ArrayBuffer | ArrayBufferView): string;
}

declare const crypto: {
  readonly subtle: {
    digest(algorithm: 'SHA-256', data: ArrayBuffer | ArrayBufferView): Promise<ArrayBuffer>;
  };
};
