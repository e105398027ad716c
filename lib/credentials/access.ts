import "server-only";
// Who may use or manage one stored credential: its access list as can() reads it.
import type { CredentialAcl } from "@/lib/auth/roles";
import type { CredentialDoc } from "@/models/Credential";

type AclFields = Pick<CredentialDoc, "owner" | "sharedUsers" | "sharedRoles">;

export function credentialAcl(doc: Partial<AclFields>): CredentialAcl {
  return {
    owner: doc.owner ? String(doc.owner) : null,
    users: (doc.sharedUsers ?? []).map(String),
    roles: doc.sharedRoles ?? [],
  };
}

/** The fields can() needs, for projections. */
export const ACL_PROJECTION = { owner: 1, sharedUsers: 1, sharedRoles: 1 } as const;
