// An HTTP request. URL, header values and body are templates, so they can use run data.
import { z } from "zod";
import {
  choice,
  configObject,
  isHttpUrl,
  isRecord,
  optionalRef,
  requiredText,
  template,
  wholeNumber,
} from "../fields";
import { expressionsAt } from "../expression-paths";
import { errorHandle, inputHandle } from "../handles";
import { hasPlaceholders } from "@/lib/expressions";
import type { NodeDefinition } from "../types";

export const httpMethods = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD"] as const;

// RFC 9110 token characters: anything else is rejected by fetch() at run time.
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

export const httpHeader = z.object(
  {
    key: requiredText("Header name", 200).refine((s) => s.trim() === "" || HEADER_NAME.test(s), {
      error: "Header name may use only letters, digits and !#$%&'*+-.^_`|~",
    }),
    value: template("Header value", 8_000),
  },
  { error: "Each header must be an object" },
);

export const actionConfigSchema = configObject({
  method: choice("Method", httpMethods),
  // A URL with placeholders is only known at run time; a literal one is checked now. A blank
  // one is only "required": the guard keeps it from getting a second message.
  url: requiredText("URL", 4_000).refine((s) => s.trim() === "" || hasPlaceholders(s) || isHttpUrl(s.trim()), {
    error: "URL must start with http:// or https://",
  }),
  headers: z.array(httpHeader, { error: "Headers must be a list" }).max(50, { error: "At most 50 headers" }),
  body: template("Body", 1_000_000),
  credentialId: optionalRef("Credential"),
  timeoutMs: wholeNumber("Timeout", 100, 300_000, " ms"),
  /** Overrides the workflow's maxRetries for this node when set. */
  retries: wholeNumber("Retries", 0, 10).optional(),
}).superRefine((config, ctx) => {
  // fetch() refuses a body on GET and HEAD; say so now rather than fail the run.
  if ((config.method === "GET" || config.method === "HEAD") && config.body.trim() !== "") {
    ctx.addIssue({
      code: "custom",
      path: ["body"],
      message: `A ${config.method} request cannot have a body: choose POST, PUT or PATCH, or clear the body`,
    });
  }
});

/** RFC 2606 reserves ".invalid" for names that can never resolve: a URL there is a placeholder. */
export function isPlaceholderUrl(url: string): boolean {
  return isHttpUrl(url) && /(^|\.)invalid$/.test(new URL(url).hostname.toLowerCase());
}

export type ActionConfig = z.infer<typeof actionConfigSchema>;

export const actionDefinition: NodeDefinition<typeof actionConfigSchema> = {
  type: "action",
  label: "HTTP request",
  description: "Calls a web API. Continues on success; takes the error output when the call fails.",
  icon: "Globe",
  category: "integrations",
  color: "#2563eb",
  configSchema: actionConfigSchema,
  // The URL is left blank on purpose: there is no sensible default endpoint.
  defaults: () => ({ method: "GET", url: "", headers: [], body: "", timeoutMs: 30_000 }),
  blankRequired: ["url"],
  inputs: [inputHandle],
  outputs: () => [{ id: "success", label: "Success" }, errorHandle],
  reviewHints: (config) => {
    const url = isRecord(config) && typeof config.url === "string" ? config.url.trim() : "";
    return isPlaceholderUrl(url) ? [{ path: "url", message: `the URL ${url} is a placeholder (.invalid never resolves): replace it with the real address` }] : [];
  },
  expressions: expressionsAt([
    { pattern: "url", kind: "template" },
    { pattern: "headers.*.value", kind: "template" },
    { pattern: "body", kind: "template" },
  ]),
};
