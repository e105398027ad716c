import { randomBytes } from "node:crypto";
import mongoose from "mongoose";
import { afterAll, beforeAll, inject } from "vitest";

// A database per test file, so files never see each other's documents.
const dbName = `t_${randomBytes(4).toString("hex")}`;
process.env.MONGODB_URI = `${inject("mongoBaseUri")}/${dbName}`;
process.env.NEXTAUTH_SECRET ??= randomBytes(32).toString("base64url");
process.env.CREDENTIALS_KEY ??= randomBytes(32).toString("base64");

beforeAll(async () => {
  await mongoose.connect(process.env.MONGODB_URI!, { serverSelectionTimeoutMS: 5000 });
});

afterAll(async () => {
  await mongoose.connection.dropDatabase().catch(() => {});
  await mongoose.disconnect();
});
