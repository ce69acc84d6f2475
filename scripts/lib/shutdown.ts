/**
 * What a long measurement started (a preview server, a browser) and must stop however it ends:
 * normally, on an error, or on Ctrl-C, a `timeout`'s SIGTERM or a closed terminal's SIGHUP.
 * Closers run once each, the last registered first, and a closer that fails does not keep the
 * others from running.
 */
export class Shutdown {
  private readonly closers: { name: string; close: () => unknown }[] = [];
  private running?: Promise<void>;

  /** Registers `close`, which stops `name`. */
  add(name: string, close: () => unknown): void {
    this.closers.push({ name, close });
  }

  /** Runs every closer not yet run. */
  run(): Promise<void> {
    this.running ??= (async () => {
      for (const { name, close } of this.closers.splice(0).reverse()) {
        try {
          await close();
        } catch (err) {
          console.error(`could not stop ${name}: ${(err as Error).message}`);
        }
      }
    })();
    return this.running;
  }

  /**
   * On SIGINT, SIGTERM or SIGHUP: stop everything, then exit with the signal's code. Launch the
   * browser with Playwright's own handlers off (handleSIGINT: false, …): they would close it
   * under the running measurement and exit before the preview server is stopped.
   */
  onSignals(): void {
    const codes = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;
    for (const [signal, code] of Object.entries(codes)) {
      process.once(signal, () => {
        console.error(`\n${signal}: stopping the browser and the preview server …`);
        void this.run().finally(() => process.exit(code));
      });
    }
  }
}
