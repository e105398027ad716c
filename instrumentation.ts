// Next.js calls register() once when a server process starts. The Node.js server runs one
// in-process worker by default, so `npm start` alone executes runs; SWITCHYARD_WORKER=off
// leaves all work to `npm run worker` processes (scripts/worker.ts). The import sits inside the
// runtime check so the Edge bundle never includes the runtime.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs" && process.env.SWITCHYARD_WORKER !== "off") {
    const { startInProcessWorker } = await import("./lib/runtime/in-process");
    try {
      await startInProcessWorker();
    } catch (error) {
      // The pages still work without a worker; runs wait in the queue until one starts.
      console.error("[switchyard] the in-process worker did not start:", error);
    }
  }
}
