import { redirect } from "next/navigation";
import { requireSignedIn } from "@/lib/auth/session";
import { landingFor } from "@/lib/auth/landing";

/** Home sends each person to where their work is (lib/auth/landing.ts). */
export default async function Home() {
  redirect(landingFor(await requireSignedIn()));
}
