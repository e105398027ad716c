import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // forbidden() / forbidden.tsx give a real 403 page when a signed-in user lacks a role.
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: "2mb" } },
  // quickjs-emscripten loads its WebAssembly from its own package folder at run time.
  serverExternalPackages: ["@node-rs/argon2", "mongoose", "mongodb", "quickjs-emscripten", "quickjs-emscripten-core", "@jitl/quickjs-wasmfile-release-sync"],
  poweredByHeader: false,
};

export default nextConfig;
