// Sign-in throttling that an attacker cannot turn against the account's owner.
//
// Failures are counted per (email, client address) pair: the first FREE_FAILURES are free, then
// each attempt waits FIRST_DELAY_MS, doubling with every failure up to MAX_DELAY_MS. An attacker
// hammering an admin's email from their own address slows only themselves; the admin, from
// theirs, signs in as usual. Above that, a per-email ceiling (EMAIL_CEILING failures in the last
// hour, from all addresses together) stops guessing spread over many addresses; one address
// cannot reach it (at most ~25 failures an hour once the delay is at its maximum).
//
// Race safety on FerretDB, whose conditional updates and $inc are not atomic (DESIGN.md): the one
// attempt allowed at a pair's failure count inserts a ticket with a deterministic _id; parallel
// attempts at the same count lose that insert and are told to wait. Only the ticket holder then
// writes the pair's next count, so the per-pair count is exact. The per-email hourly counter is
// an $inc: under heavy concurrency it may undercount a little, so the ceiling is approximate.
import { LoginAttempt } from "@/models/LoginAttempt";

export const FREE_FAILURES = 5;
export const FIRST_DELAY_MS = 1_000;
export const MAX_DELAY_MS = 5 * 60_000;
export const EMAIL_CEILING = 100;
export const CEILING_WINDOW_MS = 60 * 60_000;
/** A pair's failures are forgotten this long after its last one. */
export const FORGET_AFTER_MS = 24 * 60 * 60_000;
/** A ticket older than this belongs to an attempt that crashed: it may be taken over. */
export const TICKET_STALE_MS = 30_000;

export type Refusal = { ok: false; reason: "pair" | "email" | "busy"; retryAfterSeconds: number; message: string };
export interface Ticket {
  pairId: string;
  ticketId: string;
  emailKey: string;
  failures: number;
}
export type Admission = { ok: true; ticket: Ticket } | Refusal;

const DUPLICATE = 11000;

/** How long after the last failure the next attempt must wait, given the pair's failure count. */
export function delayAfter(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** Math.min(failures - FREE_FAILURES, 30));
}

function pairId(email: string, address: string | null): string {
  return `pair:${email.toLowerCase()}|${address ?? "unknown"}`;
}

const hourOf = (now: number) => Math.floor(now / CEILING_WINDOW_MS);
const emailBucket = (email: string, hour: number) => `email:${email.toLowerCase()}:${hour}`;

/** Failures of the email in the sliding hour: this hour's bucket plus the part of the last one still inside the window. */
async function emailFailures(email: string, now: number): Promise<number> {
  const hour = hourOf(now);
  const docs = await LoginAttempt.find({ _id: { $in: [emailBucket(email, hour), emailBucket(email, hour - 1)] } }, { failures: 1 }).lean();
  const count = (id: string) => docs.find((d) => d._id === id)?.failures ?? 0;
  const elapsed = (now % CEILING_WINDOW_MS) / CEILING_WINDOW_MS;
  return count(emailBucket(email, hour)) + count(emailBucket(email, hour - 1)) * (1 - elapsed);
}

const seconds = (ms: number) => Math.max(1, Math.ceil(ms / 1000));

/** Decides whether this attempt may check a password; when it may, it holds the pair's ticket until it records the outcome. */
export async function admitLoginAttempt(email: string, address: string | null, now = Date.now()): Promise<Admission> {
  const id = pairId(email, address);
  const pair = await LoginAttempt.findById(id).lean();
  const last = pair?.lastFailureAt ? new Date(pair.lastFailureAt).getTime() : 0;
  const failures = pair && now - last < FORGET_AFTER_MS ? (pair.failures ?? 0) : 0;
  const wait = last + delayAfter(failures) - now;
  if (failures >= FREE_FAILURES && wait > 0) {
    const s = seconds(wait);
    return { ok: false, reason: "pair", retryAfterSeconds: s, message: `Too many failed sign-in attempts. Wait ${s} s and try again.` };
  }
  if ((await emailFailures(email, now)) >= EMAIL_CEILING) {
    const s = seconds(CEILING_WINDOW_MS - (now % CEILING_WINDOW_MS));
    return {
      ok: false,
      reason: "email",
      retryAfterSeconds: s,
      message: `This account had too many failed sign-in attempts from many places in the last hour. Wait ${Math.ceil(s / 60)} min and try again, or ask an admin.`,
    };
  }
  const ticketId = `${id}#${failures}`;
  if (!(await claimTicket(ticketId, now))) return busy();
  // A ticket freed just now may belong to an attempt that already counted this failure: check
  // the count is still the one we were admitted at.
  const after = await LoginAttempt.findById(id, { failures: 1, lastFailureAt: 1 }).lean();
  const current = after && now - new Date(after.lastFailureAt ?? 0).getTime() < FORGET_AFTER_MS ? (after.failures ?? 0) : 0;
  if (current !== failures) {
    await LoginAttempt.deleteOne({ _id: ticketId });
    return busy();
  }
  return { ok: true, ticket: { pairId: id, ticketId, emailKey: email.toLowerCase(), failures } };
}

function busy(): Refusal {
  return { ok: false, reason: "busy", retryAfterSeconds: 1, message: "Another sign-in attempt for this account from your address is in progress. Wait a second and try again." };
}

async function claimTicket(ticketId: string, now: number): Promise<boolean> {
  try {
    await LoginAttempt.create({ _id: ticketId, at: new Date(now) });
    return true;
  } catch (err) {
    if ((err as { code?: number }).code !== DUPLICATE) throw err;
  }
  const held = await LoginAttempt.findById(ticketId, { at: 1 }).lean();
  if (held && now - new Date(held.at ?? 0).getTime() < TICKET_STALE_MS) return false;
  // Left by an attempt that crashed: remove it and race for it once more (the insert decides).
  await LoginAttempt.deleteOne({ _id: ticketId });
  try {
    await LoginAttempt.create({ _id: ticketId, at: new Date(now) });
    return true;
  } catch (err) {
    if ((err as { code?: number }).code === DUPLICATE) return false;
    throw err;
  }
}

/** A wrong password: the pair's count goes up by one (written only by the ticket's holder), the email's hour too. */
export async function recordLoginFailure(ticket: Ticket, now = Date.now()): Promise<void> {
  await LoginAttempt.updateOne({ _id: ticket.pairId }, { $set: { failures: ticket.failures + 1, lastFailureAt: new Date(now) } }, { upsert: true });
  await LoginAttempt.updateOne({ _id: emailBucket(ticket.emailKey, hourOf(now)) }, { $inc: { failures: 1 } }, { upsert: true });
  await LoginAttempt.deleteOne({ _id: ticket.ticketId });
}

/** The right password: this pair starts afresh. The email's hourly count stays (it is about the other addresses). */
export async function recordLoginSuccess(ticket: Ticket): Promise<void> {
  await LoginAttempt.deleteOne({ _id: ticket.pairId });
  await LoginAttempt.deleteOne({ _id: ticket.ticketId });
}

/** The attempt ended without checking a password (an error): frees the ticket. */
export async function releaseTicket(ticket: Ticket): Promise<void> {
  await LoginAttempt.deleteOne({ _id: ticket.ticketId });
}
