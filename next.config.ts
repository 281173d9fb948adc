import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Native or driver packages stay real node_modules instead of being bundled.
  serverExternalPackages: ["@node-rs/argon2", "pg", "@prisma/adapter-pg", "livekit-server-sdk"],
  poweredByHeader: false,
  // The dev and test stacks each build into their own folder, so both can run at once.
  distDir: process.env.NEXT_DIST_DIR || ".next",
};

export default nextConfig;
