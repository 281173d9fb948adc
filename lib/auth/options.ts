import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { serverEnv } from "@/lib/env";
import { signInInput } from "@/lib/spaces/schemas";
import { authenticate } from "@/lib/spaces/service";

// Built on demand so `next build` does not need the runtime secret.
export function authOptions(): NextAuthOptions {
  return {
    secret: serverEnv().NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: 7 * 24 * 3600 },
    pages: { signIn: "/sign-in" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { type: "email" }, password: { type: "password" } },
        async authorize(credentials) {
          const parsed = signInInput.safeParse(credentials);
          if (!parsed.success) return null;
          return authenticate(parsed.data.email, parsed.data.password);
        },
      }),
    ],
    callbacks: {
      async session({ session, token }) {
        if (session.user && token.sub) (session.user as { id?: string }).id = token.sub;
        return session;
      },
    },
  };
}
