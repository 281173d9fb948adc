import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Native or driver packages stay real node_modules instead of being bundled.
  serverExternalPackages: ["@node-rs/argon2", "pg", "@prisma/adapter-pg", "livekit-server-sdk"],
  poweredByHeader: false,
  // The dev and test stacks each build into their own folder, so both can run at once.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // A batch's CSV travels to its server action as text: 10,000 rows with a few variables
  // pass the 1 MB default (lib/calls/batches/schemas.ts caps the file at 5 MB).
  experimental: { serverActions: { bodySizeLimit: "6mb" } },
};

export default nextConfig;
