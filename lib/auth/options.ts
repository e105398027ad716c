import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { connectDb } from "@/lib/db/connect";
import { serverConfig } from "@/lib/config";
import { User } from "@/models/User";
import { loginSchema } from "@/lib/users/schema";
import { dummyHash, verifyPassword } from "@/lib/auth/password";
import { admitLoginAttempt, recordLoginFailure, recordLoginSuccess, releaseTicket } from "@/lib/auth/rate-limit";
import { clientIp } from "@/lib/auth/client-ip";

/** What the session callback adds to next-auth's session user. */
export interface SessionUser {
  id?: string;
  /** When this session signed in (ms); 0 for a session from before this field existed. */
  signedInAt?: number;
}

export const WRONG_CREDENTIALS = "Wrong email or password.";

/** Checks email and password; the thrown message is what the sign-in form shows. */
export async function authorizeCredentials(
  raw: Record<string, string> | undefined,
  ip: string | null,
): Promise<{ id: string; email: string; name: string }> {
  const parsed = loginSchema.safeParse(raw ?? {});
  if (!parsed.success) throw new Error(parsed.error.issues[0].message);
  const { email, password } = parsed.data;
  await connectDb();

  const admission = await admitLoginAttempt(email, ip);
  if (!admission.ok) throw new Error(admission.message);
  const { ticket } = admission;
  let user, ok;
  try {
    user = await User.findOne({ email }).lean();
    ok = user ? await verifyPassword(user.passwordHash, password) : (await verifyPassword(await dummyHash(), password), false);
  } catch (err) {
    await releaseTicket(ticket);
    throw err;
  }
  if (!user || !ok) {
    await recordLoginFailure(ticket);
    throw new Error(WRONG_CREDENTIALS);
  }
  await recordLoginSuccess(ticket);
  if (!user.active) throw new Error("This account has been deactivated. Ask an admin to reactivate it.");
  // Admins see when each person last signed in (/settings/users): one small write per sign-in.
  await User.updateOne({ _id: user._id }, { $set: { lastSignInAt: new Date() } });
  return { id: String(user._id), email: user.email, name: user.name };
}

export function authOptions(): NextAuthOptions {
  return {
    secret: serverConfig().nextAuthSecret,
    session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
    pages: { signIn: "/login" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
        authorize: (credentials, req) => authorizeCredentials(credentials, clientIp(req?.headers ?? {})),
      }),
    ],
    callbacks: {
      // The token carries the user id and when this sign-in happened; roles and `active` are
      // read fresh on every request (lib/auth/session.ts), so a role change or deactivation
      // applies at once, and a session signed in before the last password change is ended.
      // (The JWT's own `iat` is renewed on every refresh, so it cannot say when one signed in.)
      jwt: ({ token, user }) => {
        if (user) {
          token.sub = user.id;
          token.signedInAt = Date.now();
        }
        return token;
      },
      session: ({ session, token }) => {
        if (session.user) {
          const u = session.user as SessionUser;
          u.id = token.sub;
          u.signedInAt = typeof token.signedInAt === "number" ? token.signedInAt : 0;
        }
        return session;
      },
    },
  };
}
