// A per-trigger token bucket, in this process's memory: capacity = the trigger's requests per
// minute, refilled continuously. With several app processes behind a load balancer each has its
// own bucket, so the effective limit is per process (docs/triggers.md says so); a shared
// counter would need an atomic increment, which the embedded FerretDB does not have.
interface Bucket {
  tokens: number;
  at: number;
  rate: number;
}

const holder = globalThis as unknown as { __switchyardHookBuckets?: Map<string, Bucket> };
const buckets = (holder.__switchyardHookBuckets ??= new Map());

/** 0 when the request may pass (and takes a token), else the seconds until a token is free. */
export function takeToken(triggerId: string, perMinute: number, now = Date.now()): number {
  let bucket = buckets.get(triggerId);
  if (!bucket || bucket.rate !== perMinute) {
    bucket = { tokens: perMinute, at: now, rate: perMinute };
    buckets.set(triggerId, bucket);
  }
  const perMs = perMinute / 60_000;
  bucket.tokens = Math.min(perMinute, bucket.tokens + (now - bucket.at) * perMs);
  bucket.at = now;
  if (bucket.tokens >= 1) {
    bucket.tokens -= 1;
    return 0;
  }
  return Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000));
}

export function resetBuckets(): void {
  buckets.clear();
}
