import mongoose, { Schema, type InferSchemaType, type Model } from "mongoose";
import { CREDENTIAL_TYPES } from "@/lib/credentials/kinds";
import { sealedSecretSchema } from "./sealed-secret";

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
    /** The secret fields as one JSON object sealed with AES-256-GCM (lib/credentials/crypto.ts); never listed, opened only for a run's step. */
    secret: { type: sealedSecretSchema, required: true },
    /** Who created it: they manage it and share it. Admins manage every credential. */
    owner: { type: Schema.Types.ObjectId },
    /** Users it is shared with: they may pick it in a step, and runs they start may use it. */
    sharedUsers: { type: [Schema.Types.ObjectId], default: [] },
    /** Roles it is shared with: every user holding one of them may use it. */
    sharedRoles: { type: [String], default: [] },
    lastEditor: { type: Schema.Types.ObjectId },
  },
  { timestamps: true, collection: "credentials" },
);

export type CredentialDoc = InferSchemaType<typeof credentialSchema> & { _id: mongoose.Types.ObjectId; createdAt: Date; updatedAt: Date };

export const Credential: Model<InferSchemaType<typeof credentialSchema>> =
  (mongoose.models.Credential as Model<InferSchemaType<typeof credentialSchema>>) ??
  mongoose.model("Credential", credentialSchema);
