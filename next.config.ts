import type { NextConfig } from "next";
import { ACTION_BODY_LIMIT_BYTES } from "./lib/http/action-body-limit";

const nextConfig: NextConfig = {
  experimental: {
    // forbidden() / forbidden.tsx give a real 403 page when a signed-in user lacks a role.
    authInterrupts: true,
    // proxy.ts answers 413 with a message above the same limit (lib/http/action-body-limit.ts).
    serverActions: { bodySizeLimit: ACTION_BODY_LIMIT_BYTES },
  },
  // quickjs-emscripten loads its WebAssembly from its own package folder at run time.
  serverExternalPackages: ["@node-rs/argon2", "mongoose", "mongodb", "quickjs-emscripten", "quickjs-emscripten-core", "@jitl/quickjs-wasmfile-release-sync"],
  poweredByHeader: false,
};

export default nextConfig;
