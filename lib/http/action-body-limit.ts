// The most a server action's request body may weigh: next.config.ts gives it to Next.js
// (experimental.serverActions.bodySizeLimit) and proxy.ts answers 413 with a message above it,
// before Next.js reads the body. It leaves room above MAX_PAYLOAD_BYTES
// (lib/workflows/limits.ts) so a payload near that limit gets the service's own message, which
// says what is too big and by how much.
// Relative import: next.config.ts loads this file, outside the "@/" alias.
import { MAX_PAYLOAD_BYTES } from "../workflows/limits";

export const ACTION_BODY_LIMIT_BYTES = MAX_PAYLOAD_BYTES + 1024 * 1024;
export const ACTION_BODY_LIMIT_LABEL = `${ACTION_BODY_LIMIT_BYTES / (1024 * 1024)} MB`;
