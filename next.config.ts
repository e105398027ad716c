import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // forbidden() / forbidden.tsx give a real 403 page when a signed-in user lacks a role.
  experimental: { authInterrupts: true, serverActions: { bodySizeLimit: "2mb" } },
  serverExternalPackages: ["@node-rs/argon2", "mongoose", "mongodb"],
  poweredByHeader: false,
};

export default nextConfig;
