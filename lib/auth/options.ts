import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { serverEnv } from "@/lib/env";
import { signInInput } from "@/lib/spaces/schemas";
import { RateLimitedError } from "@/lib/errors";
import { authenticate } from "@/lib/spaces/service";
import { sourceAddress } from "./auth-throttle";
import { authThrottle } from "./auth-throttle-store";
import { PasswordHashingBusyError } from "./password";
import { SIGN_IN_THROTTLED_CODE } from "./throttle-messages";

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
        async authorize(credentials, req) {
          const parsed = signInInput.safeParse(credentials);
          if (!parsed.success) return null;
          const { email, password } = parsed.data;
          const forwardedFor = (req.headers as Record<string, string | undefined> | undefined)?.["x-forwarded-for"];
          try {
            return await authThrottle().signIn(email, sourceAddress(forwardedFor), () => authenticate(email, password));
          } catch (err) {
            // A flood past the password hashing bound (lib/auth/password.ts) answers like a throttle.
            if (err instanceof RateLimitedError || err instanceof PasswordHashingBusyError) throw new Error(SIGN_IN_THROTTLED_CODE);
            throw err;
          }
        },
      }),
    ],
    callbacks: {
      // The session version at sign-in travels in the token (lib/auth/session-version.ts).
      async jwt({ token, user }) {
        if (user) token.sessionVersion = (user as { sessionVersion?: number }).sessionVersion ?? 0;
        return token;
      },
      async session({ session, token }) {
        if (session.user && token.sub) (session.user as { id?: string }).id = token.sub;
        if (session.user) (session.user as { sessionVersion?: number }).sessionVersion = typeof token.sessionVersion === "number" ? token.sessionVersion : 0;
        return session;
      },
    },
  };
}
