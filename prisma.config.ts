import { defineConfig } from "prisma/config";

// Read by the Prisma CLI (generate, migrate deploy, studio). The URL is optional so that
// `prisma generate` works without a database; scripts/db/migrate.mjs takes DATABASE_URL itself.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: {
    path: "prisma/migrations",
    seed: "tsx prisma/seed.ts",
  },
  datasource: {
    url: process.env.DATABASE_URL,
  },
});
