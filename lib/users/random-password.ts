// The password an admin's reset gives a person: shown once to the admin, who passes it on.
// Four groups of four from 31 letters and digits that cannot be misread when read aloud or
// copied by hand (no 0/o, 1/l/i): 31^16 ≈ 2^79 possibilities, and 19 characters, within the
// rules for new passwords (lib/users/schema.ts, at least 12).
import { randomInt } from "node:crypto";

const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

export function randomPassword(): string {
  const groups: string[] = [];
  for (let g = 0; g < 4; g++) {
    let group = "";
    for (let i = 0; i < 4; i++) group += ALPHABET[randomInt(ALPHABET.length)];
    groups.push(group);
  }
  return groups.join("-");
}
