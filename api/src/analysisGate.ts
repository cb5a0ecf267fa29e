// How many expensive requests run at once: a few at a time (one on the embedded database, which has
// a single connection), so cheap requests and /healthz are never stuck behind a queue of analyses.
// GraphQL analyses (queryLimits.ts), the OGC API's coverage pages and the gap tiles of uncached
// coverage pass the same gate.
import { GraphQLError } from 'graphql';

/**
 * At most `slots` analyses at once; at most `queue` waiting, each for at most `waitMs`. With
 * `yieldMs`, an analysis that has its slot still lets the cheap requests in flight finish first
 * (for at most `yieldMs`): on the embedded database, whose one connection runs one statement at a
 * time, cheap questions then wait for at most one analysis statement, not for a queue of them.
 */
export class Gate {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  private cheap = 0;
  private idle: (() => void)[] = [];
  /** Analyses refused (queue full or waited too long), for the metrics. */
  refusedCount = 0;
  /** Told how long each analysis waited for its slot (the metrics listen). */
  onWait: ((seconds: number) => void) | null = null;
  constructor(
    readonly slots: number,
    readonly queue: number,
    readonly waitMs: number,
    readonly yieldMs = 0,
  ) {}

  /** A cheap request began / ended (counted so that analyses can yield to them). */
  cheapStarted() {
    this.cheap += 1;
  }

  cheapEnded() {
    this.cheap = Math.max(0, this.cheap - 1);
    if (this.cheap === 0) for (const wake of this.idle.splice(0)) wake();
  }

  private async yieldToCheap() {
    if (!this.yieldMs || this.cheap === 0) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, this.yieldMs);
      this.idle.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  /**
   * Runs one request of the OGC API or the tiles under the same rules as GraphQL's: an analysis
   * waits for its slot, a cheap request is counted so that analyses yield to it.
   */
  async run<T>(expensive: boolean, work: () => Promise<T>): Promise<T> {
    if (!expensive) {
      this.cheapStarted();
      try {
        return await work();
      } finally {
        this.cheapEnded();
      }
    }
    const leave = await this.enter();
    try {
      return await work();
    } finally {
      leave();
    }
  }

  get runningCount(): number {
    return this.running;
  }

  get waitingCount(): number {
    return this.waiting.length;
  }

  async enter(): Promise<() => void> {
    const started = performance.now();
    const leave = await this.takeSlot().catch((error) => {
      this.refusedCount += 1;
      throw error;
    });
    this.onWait?.((performance.now() - started) / 1000);
    await this.yieldToCheap();
    return leave;
  }

  private async takeSlot(): Promise<() => void> {
    if (this.running >= this.slots) {
      if (this.waiting.length >= this.queue) throw busy(`${this.queue} analyses are already waiting`);
      await new Promise<void>((resolve, reject) => {
        const go = () => {
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(() => {
          this.waiting.splice(this.waiting.indexOf(go), 1);
          reject(busy(`an analysis waited ${this.waitMs / 1000} s for its turn`));
        }, this.waitMs);
        this.waiting.push(go);
      });
    } else {
      this.running += 1;
    }
    let left = false;
    return () => {
      if (left) return;
      left = true;
      const next = this.waiting.shift();
      if (next) next();
      else this.running -= 1;
    };
  }
}

/** Whether an error is the gate's "busy" answer (503 with Retry-After). */
export const isBusy = (error: unknown) => error instanceof GraphQLError && error.extensions.code === 'SERVER_BUSY';

const busy = (why: string) =>
  new GraphQLError(`The server is busy with other analyses (${why}); please try again shortly.`, {
    extensions: { code: 'SERVER_BUSY', http: { status: 503, headers: new Map([['retry-after', '5']]) } },
  });

