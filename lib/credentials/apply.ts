// How a revealed credential becomes request headers. Pure, so executors and tests share it.
import type { RevealedCredential } from "./kinds";

export type CredentialHeaders = { ok: true; headers: { key: string; value: string }[] } | { ok: false; message: string };

/**
 * bearer and api_key: Authorization: Bearer <token>; basic: Authorization: Basic
 * base64(user:password); header: <headerName>: <value>. A missing field is a clear refusal.
 */
export function credentialHeaders(credential: RevealedCredential): CredentialHeaders {
  const s = credential.secret;
  const missing = (field: string): CredentialHeaders => ({
    ok: false,
    message: `the credential "${credential.name}" has no ${field}; edit it in Settings → Credentials`,
  });
  switch (credential.type) {
    case "bearer":
      return s.token ? { ok: true, headers: [{ key: "Authorization", value: `Bearer ${s.token}` }] } : missing("token");
    case "api_key":
      return s.apiKey ? { ok: true, headers: [{ key: "Authorization", value: `Bearer ${s.apiKey}` }] } : missing("API key");
    case "basic": {
      if (!s.username) return missing("user name");
      const encoded = Buffer.from(`${s.username}:${s.password ?? ""}`, "utf8").toString("base64");
      return { ok: true, headers: [{ key: "Authorization", value: `Basic ${encoded}` }] };
    }
    case "header":
      if (!s.headerName) return missing("header name");
      return s.value ? { ok: true, headers: [{ key: s.headerName, value: s.value }] } : missing("header value");
    default:
      return { ok: false, message: `the credential "${credential.name}" has an unknown type "${credential.type}"` };
  }
}

/** The key an AI provider takes: an API key or a bearer token. */
export function credentialApiKey(credential: RevealedCredential): { ok: true; apiKey: string } | { ok: false; message: string } {
  const key = credential.type === "api_key" ? credential.secret.apiKey : credential.type === "bearer" ? credential.secret.token : undefined;
  if (key) return { ok: true, apiKey: key };
  return {
    ok: false,
    message: `the credential "${credential.name}" is a ${credential.type} credential; an AI provider needs an API key or a bearer token`,
  };
}
