/** A one-shot stop signal: promises raced against it reject with Cancelled once it fires. */
export class Stopper {
  private fire: () => void = () => {};
  private readonly signal = new Promise<never>((_, reject) => {
    this.fire = () => reject(new StopSignal());
  });
  stopped = false;

  constructor() {
    this.signal.catch(() => {});
  }

  stop(): void {
    this.stopped = true;
    this.fire();
  }

  race<T>(work: Promise<T>): Promise<T> {
    return Promise.race([work, this.signal]);
  }
}

export class StopSignal extends Error {
  constructor() {
    super('Stopped');
  }
}
