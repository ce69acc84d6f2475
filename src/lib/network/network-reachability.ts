/** Waits between checks while the network is gone, and between automatic retries: short at first, then capped. */
const BACKOFF_MS = [2_000, 4_000, 8_000, 15_000, 30_000];
/** A check that hangs this long (a dead Wi-Fi, a captive portal) counts as no network. */
const CHECK_TIMEOUT_MS = 10_000;

export function backoffDelay(attempt: number): number {
  return BACKOFF_MS[Math.min(Math.max(attempt, 0), BACKOFF_MS.length - 1)];
}

export type CheckFetch = (url: string, init: RequestInit) => Promise<Response>;

/**
 * Whether this device reaches the app's server right now. navigator.onLine alone is not enough:
 * Chromium reads `true` in a page its service worker served while the network is gone, and a
 * dead Wi-Fi reads "online" too. So the browser's "offline" is believed at once, but "online"
 * only once a request has really gone through: a HEAD request for the app's start page, which
 * the service worker (it answers GET requests only) never serves from its cache. It carries
 * nothing; any HTTP answer, even an error page, means the network is there.
 */
export class NetworkReachability {
  private online: boolean;
  private checking?: Promise<boolean>;
  private failedChecks = 0;
  private nextCheck?: ReturnType<typeof setTimeout>;
  private readonly listeners = new Set<(online: boolean) => void>();
  private readonly regainListeners = new Set<() => void>();

  constructor(
    private readonly checkUrl: string,
    private readonly fetchFn: CheckFetch,
    initiallyOnline = true,
  ) {
    this.online = initiallyOnline;
  }

  get isOnline(): boolean {
    return this.online;
  }

  /** Calls `listener` now and whenever the answer changes; returns the unsubscribe function. */
  subscribe(listener: (online: boolean) => void): () => void {
    this.listeners.add(listener);
    listener(this.online);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Asks the server now (one request at a time); resolves with whether it answered. */
  check(): Promise<boolean> {
    this.checking ??= this.fetchFn(this.checkUrl, {
      method: 'HEAD',
      cache: 'no-store',
      signal: AbortSignal.timeout(CHECK_TIMEOUT_MS),
    })
      .then(
        () => true,
        () => false,
      )
      .then((reached) => {
        this.checking = undefined;
        if (reached) this.reached();
        else this.unreachable();
        return reached;
      });
    return this.checking;
  }

  /**
   * A request that needed the network failed. That alone does not prove the network is gone (a
   * server can drop one file), so it is checked at once.
   */
  reportFailure(): void {
    void this.check();
  }

  /** The browser says the network is gone: believed at once, and checked again after a while. */
  browserOffline(): void {
    this.unreachable();
  }

  /**
   * Runs `resume` once: as soon as the network comes back, or after the backoff delay for
   * `attempt` if it never seemed gone (a single file failed while the server answered).
   * Returns a function that cancels it.
   */
  whenBackOnline(attempt: number, resume: () => void): () => void {
    let pending = true;
    const cancel = () => {
      pending = false;
      clearTimeout(timer);
      this.regainListeners.delete(fire);
    };
    const fire = () => {
      if (!pending) return;
      cancel();
      resume();
    };
    const timer = setTimeout(fire, backoffDelay(attempt));
    this.regainListeners.add(fire);
    return cancel;
  }

  private reached(): void {
    clearTimeout(this.nextCheck);
    this.nextCheck = undefined;
    this.failedChecks = 0;
    this.set(true);
  }

  private unreachable(): void {
    clearTimeout(this.nextCheck);
    this.nextCheck = setTimeout(() => void this.check(), backoffDelay(this.failedChecks++));
    this.set(false);
  }

  private set(online: boolean): void {
    if (online === this.online) return;
    this.online = online;
    for (const listener of this.listeners) listener(online);
    if (online) for (const regain of [...this.regainListeners]) regain();
  }
}

let started = false;

/** The page's single instance: checks once now, then follows the browser's events. */
export function startNetworkReachability(): NetworkReachability {
  if (started) return networkReachability;
  started = true;
  window.addEventListener('online', () => void networkReachability.check());
  window.addEventListener('offline', () => networkReachability.browserOffline());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible' && !networkReachability.isOnline) void networkReachability.check();
  });
  if (!navigator.onLine) networkReachability.browserOffline();
  void networkReachability.check();
  return networkReachability;
}

/** The query marks the check in request logs; `no-store` keeps the HTTP cache from answering it. */
export const NETWORK_CHECK_URL = `${import.meta.env.BASE_URL}?network-check`;

export const networkReachability = new NetworkReachability(
  NETWORK_CHECK_URL,
  (url, init) => fetch(url, init),
  typeof navigator === 'undefined' ? true : navigator.onLine,
);
