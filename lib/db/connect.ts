import "server-only";
import mongoose from "mongoose";
import { serverConfig } from "@/lib/config";

// Next.js dev reloads modules; keeping the promise on globalThis stops each reload
// from opening another connection pool.
const cache = globalThis as unknown as { __switchyardMongoose?: Promise<typeof mongoose> };

export function connectDb(): Promise<typeof mongoose> {
  if (!cache.__switchyardMongoose) {
    const { mongoUri } = serverConfig();
    mongoose.set("strictQuery", true);
    cache.__switchyardMongoose = mongoose
      .connect(mongoUri, { serverSelectionTimeoutMS: 5_000, maxPoolSize: 20 })
      .catch((err: unknown) => {
        cache.__switchyardMongoose = undefined;
        throw new Error(`Cannot reach the database at MONGODB_URI (${redact(mongoUri)}): ${(err as Error).message}`);
      });
  }
  return cache.__switchyardMongoose;
}

export function redact(uri: string): string {
  return uri.replace(/\/\/([^@/]*)@/, "//***@");
}
