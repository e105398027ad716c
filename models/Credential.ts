import mongoose, { Schema, type InferSchemaType, type Model } from "mongoose";
import { CREDENTIAL_TYPES } from "@/lib/credentials/kinds";

// The encrypted secret fields of one credential, as one JSON object sealed with AES-256-GCM
// (lib/credentials/crypto.ts). Never selected by the list; decrypted only by reveal().
const sealedSchema = new Schema(
  { iv: { type: String, required: true }, tag: { type: String, required: true }, data: { type: String, required: true } },
  { _id: false },
);

const plainFieldSchema = new Schema({ name: { type: String, required: true }, value: { type: String, default: "" } }, { _id: false });

const credentialSchema = new Schema(
  {
    name: { type: String, required: true, trim: true },
    type: { type: String, enum: CREDENTIAL_TYPES, required: true },
    description: { type: String, default: "" },
    /** Fields that are not secret (user name, header name), shown again in the form. */
    plain: { type: [plainFieldSchema], default: [] },
    /** Names of the secret fields that hold a value, so the form can say "stored". */
    secretFields: { type: [String], default: [] },
    secret: { type: sealedSchema, required: true },
    owner: { type: Schema.Types.ObjectId },
    lastEditor: { type: Schema.Types.ObjectId },
  },
  { timestamps: true, collection: "credentials" },
);

export type CredentialDoc = InferSchemaType<typeof credentialSchema> & { _id: mongoose.Types.ObjectId; createdAt: Date; updatedAt: Date };

export const Credential: Model<InferSchemaType<typeof credentialSchema>> =
  (mongoose.models.Credential as Model<InferSchemaType<typeof credentialSchema>>) ??
  mongoose.model("Credential", credentialSchema);
