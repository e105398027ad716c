// What the API keys page receives from the server: never the key itself, except once in CreateKeyResult.

export type ApiKeyStatus = "active" | "expired" | "revoked";

export interface ApiKeyView {
  id: string;
  name: string;
  prefix: string;
  status: ApiKeyStatus;
  createdAt: string;
  expiresAt: string | null;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

export type CreateKeyResult =
  | { ok: true; message: string; key: string; view: ApiKeyView }
  | { ok: false; message: string; errors?: Record<string, string[]> };

export type RevokeKeyResult = { ok: true; message: string } | { ok: false; message: string };
