import { DomainError } from '../core/errors/domain-error.js';

/**
 * A small semaphore for heavy imports (reading and parsing an uploaded file, then writing it): at most `capacity`
 * run at once, so the server's memory stays within a budget whatever is uploaded; a request finding them all
 * taken waits up to `queueMs` for one, then is answered 503 `IMPORT_BUSY` with a Retry-After. Running imports get
 * an AbortSignal, aborted when the server shuts down (`close` then waits for them to settle).
 */
export class ImportSlots {
  private running = 0;
  private closed = false;
  private readonly waiting: { grant: () => void; refuse: (error: Error) => void }[] = [];
  private readonly controllers = new Set<AbortController>();
  private readonly inFlight = new Set<Promise<unknown>>();

  constructor(
    readonly capacity: number,
    readonly queueMs: number,
  ) {}

  /** Runs `work` in a slot, waiting briefly for one. */
  async run<T>(work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    // Registered before the slot is granted, so that `close` reaches a job however early it comes.
    const controller = new AbortController();
    this.controllers.add(controller);
    const job = (async () => {
      await this.acquire();
      try {
        if (controller.signal.aborted) throw this.busy('the server is shutting down');
        return await work(controller.signal);
      } finally {
        this.release();
      }
    })();
    const tracked = job.then(
      () => undefined,
      () => undefined,
    );
    this.inFlight.add(tracked);
    try {
      return await job;
    } finally {
      this.inFlight.delete(tracked);
      this.controllers.delete(controller);
    }
  }

  /** Imports running now (for tests and the health of the server). */
  get active(): number {
    return this.running;
  }

  /** Refuses new work, aborts what runs and waits until it has settled. */
  async close(): Promise<void> {
    this.closed = true;
    for (const waiter of this.waiting.splice(0)) waiter.refuse(this.busy('the server is shutting down'));
    for (const controller of this.controllers) controller.abort();
    await Promise.all([...this.inFlight]);
  }

  private acquire(): Promise<void> {
    if (this.closed) return Promise.reject(this.busy('the server is shutting down'));
    if (this.running < this.capacity) {
      this.running++;
      return Promise.resolve();
    }
    return new Promise<void>((resolve, reject) => {
      const waiter = {
        grant: () => {
          clearTimeout(timer);
          resolve();
        },
        refuse: (error: Error) => {
          clearTimeout(timer);
          reject(error);
        },
      };
      const timer = setTimeout(() => {
        const index = this.waiting.indexOf(waiter);
        if (index !== -1) this.waiting.splice(index, 1);
        reject(this.busy(`${this.capacity} imports are already running`));
      }, this.queueMs);
      this.waiting.push(waiter);
    });
  }

  private release(): void {
    const next = this.waiting.shift();
    // The slot passes straight to the next waiter; `running` stays the same.
    if (next) next.grant();
    else this.running--;
  }

  private busy(reason: string): DomainError<'IMPORT_BUSY'> {
    const retryAfterSeconds = Math.max(5, Math.ceil(this.queueMs / 1000));
    return new DomainError('IMPORT_BUSY', `The server cannot take another import now (${reason}); try again soon`, {
      retryAfterSeconds,
    });
  }
}
