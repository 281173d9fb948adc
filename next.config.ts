import type { NextConfig } from "next";
import { securityHeaders } from "./lib/http/security-headers";

const nextConfig: NextConfig = {
  // Native or driver packages stay real node_modules instead of being bundled.
  serverExternalPackages: ["@node-rs/argon2", "pg", "@prisma/adapter-pg", "livekit-server-sdk"],
  poweredByHeader: false,
  // The dev and test stacks each build into their own folder, so both can run at once.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // A batch's CSV travels to its server action as text: 10,000 rows with a few variables
  // pass the 1 MB default (lib/calls/batches/schemas.ts caps the file at 5 MB).
  experimental: { serverActions: { bodySizeLimit: "6mb" } },
  // Read when the app is built: HSTS follows the NEXTAUTH_URL of `next build` (and of `next dev`).
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders({ development: process.env.NODE_ENV !== "production", publicUrl: process.env.NEXTAUTH_URL }) }];
  },
};

export default nextConfig;
