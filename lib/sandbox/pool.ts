// A small pool of warm sandbox worker threads (lib/sandbox/worker/sandbox-worker.mjs). Each runs
// one script at a time; the host holds a timer and the step's abort signal and terminates the
// thread when either fires, whatever the script is doing — a tight loop, a catastrophic regex,
// an allocation — so user code never holds the server's event loop. A terminated or crashed
// thread is replaced by a fresh one; a thread whose WebAssembly heap grew (it never shrinks)
// is retired after its job, so the server's memory comes back.
// Why threads and not forked processes: docs/sandbox.md (measured round trip, start-up, memory).
import "server-only";
import path from "node:path";
import { Worker } from "node:worker_threads";

export interface SandboxJob {
  source: string;
  input: unknown;
  timeLimitMs: number;
  memoryLimitMb: number;
}

/** What the worker answered, or why the host stopped it. */
export type WorkerReply =
  | { ok: true; json: string }
  | { ok: false; thrown?: unknown; timedOut?: boolean; output?: boolean; tooLarge?: boolean; neverSettles?: boolean; crashed?: string }
  | { ok: false; stopped: "timeout" | "aborted" | "memory" | "exited"; detail?: string };

export interface JobHooks {
  signal?: AbortSignal;
  onConsole?: (level: string, message: string) => void;
}

/** Time the host allows past the script's own limit before it terminates the thread (QuickJS normally stops first). */
export const HOST_GRACE_MS = 250;
/** A thread that ran a job with more memory than this is retired afterwards: its WASM heap may have grown that far. */
const RETIRE_ABOVE_MB = 48;
/** V8 heap of a thread (the QuickJS heap is WebAssembly memory, bounded by QuickJS's own limit). */
const THREAD_HEAP_MB = 64;

function workerFile(): string {
  // Resolved at run time from the project root, so neither Next.js nor tsx bundles it. The
  // ignore comment keeps Turbopack from tracing the path: without it, `next build` pulled the
  // whole project (scripts/, node_modules tooling) into the server bundle and failed.
  return path.join(/* turbopackIgnore: true */ process.cwd(), "lib", "sandbox", "worker", "sandbox-worker.mjs");
}

interface Slot {
  worker: Worker;
  ready: Promise<void>;
  busy: boolean;
}

interface Waiter {
  resolve: (slot: Slot) => void;
}

export class SandboxPool {
  private readonly slots = new Set<Slot>();
  private readonly waiting: Waiter[] = [];
  private nextId = 1;
  /** Threads started since the pool was made (for tests and the benchmark). */
  started = 0;

  constructor(readonly size: number) {}

  private spawn(): Slot {
    const worker = new Worker(/* turbopackIgnore: true */ workerFile(), {
      resourceLimits: { maxOldGenerationSizeMb: THREAD_HEAP_MB, maxYoungGenerationSizeMb: 16, stackSizeMb: 4 },
      stdout: false,
      stderr: false,
    });
    worker.unref();
    this.started += 1;
    const ready = new Promise<void>((resolve, reject) => {
      worker.once("message", () => resolve());
      worker.once("error", reject);
      worker.once("exit", (code) => reject(new Error(`the sandbox worker exited while starting (code ${code})`)));
    });
    const slot: Slot = { worker, ready, busy: false };
    ready.catch(() => this.slots.delete(slot));
    worker.on("exit", () => this.slots.delete(slot));
    this.slots.add(slot);
    return slot;
  }

  private acquire(): Promise<Slot> {
    for (const slot of this.slots) {
      if (!slot.busy) {
        slot.busy = true;
        return Promise.resolve(slot);
      }
    }
    if (this.slots.size < this.size) {
      const slot = this.spawn();
      slot.busy = true;
      return Promise.resolve(slot);
    }
    return new Promise((resolve) => this.waiting.push({ resolve }));
  }

  private release(slot: Slot, retire: boolean): void {
    if (retire) {
      this.slots.delete(slot);
      void slot.worker.terminate();
    } else slot.busy = false;
    const next = this.waiting.shift();
    if (!next) {
      // Keep the pool warm: a retired thread is replaced before the next script needs it.
      if (retire && this.slots.size < this.size) this.spawn();
      return;
    }
    if (!retire) {
      slot.busy = true;
      next.resolve(slot);
      return;
    }
    const fresh = [...this.slots].find((s) => !s.busy) ?? this.spawn();
    fresh.busy = true;
    next.resolve(fresh);
  }

  /** Runs one job on a thread; never throws for anything the script does. */
  async run(job: SandboxJob, hooks: JobHooks = {}): Promise<WorkerReply> {
    if (hooks.signal?.aborted) return { ok: false, stopped: "aborted" };
    let slot = await this.acquire();
    try {
      await slot.ready;
    } catch {
      // A thread that failed to start: try once more with a fresh one, then give up.
      this.slots.delete(slot);
      slot = this.spawn();
      slot.busy = true;
      await slot.ready;
    }
    const reply = await this.exchange(slot, job, hooks);
    const stopped = "stopped" in reply;
    const spent = !reply.ok && !stopped && (reply.crashed !== undefined || isMemoryFailure(reply.thrown));
    this.release(slot, stopped || spent || job.memoryLimitMb > RETIRE_ABOVE_MB);
    return reply;
  }

  private exchange(slot: Slot, job: SandboxJob, hooks: JobHooks): Promise<WorkerReply> {
    const id = this.nextId++;
    const { worker } = slot;
    return new Promise<WorkerReply>((resolve) => {
      let done = false;
      const finish = (reply: WorkerReply) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        worker.off("message", onMessage);
        worker.off("exit", onExit);
        worker.off("error", onError);
        hooks.signal?.removeEventListener("abort", onAbort);
        resolve(reply);
      };
      const stop = (why: "timeout" | "aborted") => {
        finish({ ok: false, stopped: why });
        this.slots.delete(slot);
        void worker.terminate();
      };
      const onMessage = (message: { id?: number; console?: { level: string; message: string } } & Record<string, unknown>) => {
        if (message.id !== id) return;
        if (message.console) hooks.onConsole?.(message.console.level, message.console.message);
        else finish(message as unknown as WorkerReply);
      };
      const onError = (error: Error) => {
        const memory = (error as { code?: string }).code === "ERR_WORKER_OUT_OF_MEMORY";
        finish({ ok: false, stopped: memory ? "memory" : "exited", detail: error.message });
      };
      const onExit = (code: number) => finish({ ok: false, stopped: "exited", detail: `exit code ${code}` });
      const onAbort = () => stop("aborted");
      const timer = setTimeout(() => stop("timeout"), job.timeLimitMs + HOST_GRACE_MS);
      worker.on("message", onMessage);
      worker.once("exit", onExit);
      worker.once("error", onError);
      hooks.signal?.addEventListener("abort", onAbort, { once: true });
      worker.postMessage({ id, ...job });
    });
  }

  /** Live threads (busy or idle). */
  get threads(): number {
    return this.slots.size;
  }

  async close(): Promise<void> {
    const slots = [...this.slots];
    this.slots.clear();
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }
}

function isMemoryFailure(thrown: unknown): boolean {
  const message = typeof thrown === "object" && thrown !== null ? (thrown as { message?: unknown }).message : undefined;
  return message === "out of memory";
}

function poolSize(): number {
  const configured = Number(process.env.SWITCHYARD_SANDBOX_WORKERS ?? 4);
  return Number.isInteger(configured) && configured > 0 ? configured : 4;
}

const shared = globalThis as unknown as { __switchyardSandboxPool?: SandboxPool };

/** The process's pool, kept on globalThis so a dev reload does not start a second one. */
export function sandboxPool(): SandboxPool {
  shared.__switchyardSandboxPool ??= new SandboxPool(poolSize());
  return shared.__switchyardSandboxPool;
}
