import { Schema } from "mongoose";

// A value sealed with AES-256-GCM (lib/credentials/crypto.ts), as credentials and secret
// variables store it: base64 nonce, tag and ciphertext.
export const sealedSecretSchema = new Schema(
  { iv: { type: String, required: true }, tag: { type: String, required: true }, data: { type: String, required: true } },
  { _id: false },
);
