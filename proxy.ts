import { NextResponse, type NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import { actionBodyRefusal, isActionTextBody, malformedActionBody } from "@/lib/http/action-body-guard";

// Refuses server-action bodies over the limit (413) or not JSON (400) with a message, before
// Next.js reads them, and redirects signed-out visitors to the sign-in page. Authorization itself happens in
// every page, action and route handler through lib/auth (a proxy is not a security boundary).
export async function proxy(req: NextRequest) {
  const refusal = actionBodyRefusal(req.method, req.headers);
  if (refusal) return NextResponse.json(refusal.body, { status: refusal.status });
  // Next.js buffers the body for the proxy and hands the action its own copy (at most 3 MB here).
  const malformed = isActionTextBody(req.method, req.headers) ? malformedActionBody(await req.text()) : null;
  if (malformed) return NextResponse.json(malformed.body, { status: malformed.status });
  const token = await getToken({ req, secret: process.env.NEXTAUTH_SECRET });
  if (token) return NextResponse.next();
  const url = req.nextUrl.clone();
  const callbackUrl = req.nextUrl.pathname + req.nextUrl.search;
  url.pathname = "/login";
  url.search = callbackUrl === "/" ? "" : `?callbackUrl=${encodeURIComponent(callbackUrl)}`;
  return NextResponse.redirect(url);
}

export const config = {
  matcher: ["/((?!api/|login|_next/|favicon\\.ico|icon\\.svg|.*\\.(?:png|svg|jpg|webp)$).*)"],
};
