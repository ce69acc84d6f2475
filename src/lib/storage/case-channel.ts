/** What one tab tells the others after a change to the stored cases has committed. */
export type CaseChange =
  | { readonly type: 'changed'; readonly id: string }
  | { readonly type: 'deleted'; readonly id: string }
  | { readonly type: 'cleared' };

const CHANNEL_NAME = 'hematovision-cases';

/**
 * Tells other tabs (and other CaseChannel instances in this one) about committed case changes.
 * A BroadcastChannel never delivers to its sender, so a tab does not hear its own changes.
 */
export class CaseChannel {
  private readonly channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL_NAME) : undefined;
  private readonly listeners = new Set<(change: CaseChange) => void>();

  constructor() {
    // Node (the unit tests) would otherwise stay alive for an open channel; browsers have no unref.
    (this.channel as { unref?: () => void } | undefined)?.unref?.();
    this.channel?.addEventListener('message', (e: MessageEvent<CaseChange>) => {
      for (const l of this.listeners) l(e.data);
    });
  }

  post(change: CaseChange): void {
    this.channel?.postMessage(change);
  }

  listen(listener: (change: CaseChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    this.channel?.close();
    this.listeners.clear();
  }
}
