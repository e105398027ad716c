// Limits shared by the browser (check before sending) and the server (check again). Pure.

/** The most a graph save, an import file or any workflow payload may weigh. */
export const MAX_PAYLOAD_BYTES = 2 * 1024 * 1024;

export const MAX_PAYLOAD_LABEL = "2 MB";

/** UTF-8 size of a value as JSON, the way it travels. */
export function jsonBytes(value: unknown): number {
  return new TextEncoder().encode(JSON.stringify(value) ?? "").length;
}

export function describeBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

export function tooLargeMessage(what: string, bytes: number): string {
  return `${what} is ${describeBytes(bytes)}; the limit is ${MAX_PAYLOAD_LABEL}. Split the workflow, or remove large texts from node settings.`;
}
