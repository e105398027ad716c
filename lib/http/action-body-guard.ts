// The proxy's check of server-action requests (a POST with a Next-Action header): a body over
// the limit is answered 413 with a message before Next.js reads it; one whose size is not
// declared, 411 (browsers always declare it for the bodies React sends).
import { ACTION_BODY_LIMIT_BYTES, ACTION_BODY_LIMIT_LABEL } from "./action-body-limit";

export interface BodyRefusal {
  status: 411 | 413;
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
