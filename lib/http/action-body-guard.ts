// The proxy's check of server-action requests (a POST with a Next-Action header): a body over
// the limit is answered 413 with a message before Next.js reads it; one whose size is not
// declared, 411 (browsers always declare it for the bodies React sends); a text body that is not
// JSON (React encodes an action's arguments as JSON text unless they hold files), 400 — Next.js
// would answer those with a bare 500.
import { ACTION_BODY_LIMIT_BYTES, ACTION_BODY_LIMIT_LABEL } from "./action-body-limit";

export interface BodyRefusal {
  status: 400 | 411 | 413;
  body: { error: string };
}

export function actionBodyRefusal(method: string, headers: Headers): BodyRefusal | null {
  if (method !== "POST" || !headers.has("next-action")) return null;
  const declared = headers.get("content-length");
  if (declared === null || !/^\d+$/.test(declared)) {
    return { status: 411, body: { error: "A server action request must declare its size (Content-Length)." } };
  }
  const bytes = Number(declared);
  if (bytes <= ACTION_BODY_LIMIT_BYTES) return null;
  const mb = (bytes / (1024 * 1024)).toFixed(1);
  return {
    status: 413,
    body: { error: `The request is ${mb} MB; the limit is ${ACTION_BODY_LIMIT_LABEL}. Nothing was saved. Split the workflow, or remove large texts from node settings.` },
  };
}

/** Whether the proxy should read the body to check it is JSON: a server action's text body. */
export function isActionTextBody(method: string, headers: Headers): boolean {
  return method === "POST" && headers.has("next-action") && (headers.get("content-type") ?? "").startsWith("text/plain");
}

export function malformedActionBody(text: string): BodyRefusal | null {
  try {
    JSON.parse(text);
    return null;
  } catch (err) {
    return { status: 400, body: { error: `The request's arguments are not valid JSON (${(err as Error).message}). Nothing was changed.` } };
  }
}
