import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const livekitPattern = { group: ["livekit-server-sdk", "@livekit/protocol"], message: "Use the domain verbs in lib/livekit instead." };

const livekitOnlyInLibLivekit = {
  files: ["**/*.ts", "**/*.tsx"],
  ignores: ["lib/livekit/**", "agent-worker/**", "e2e/**", "bench/**", "**/*.int.test.ts"],
  rules: {
    // House style rule 5: lib/livekit is the only door to LiveKit's SDK.
    "no-restricted-imports": [
      "error",
      {
        patterns: [livekitPattern],
      },
    ],
  },
};

// Server actions live beside their domain (lib/<domain>/actions.ts): components and the service
// layer import no route folder. Tests may import route handlers to call them. Repeats the LiveKit
// pattern because a later rule replaces an earlier one for the same files.
const noRouteFolderImports = {
  files: ["components/**/*.ts", "components/**/*.tsx", "lib/**/*.ts", "lib/**/*.tsx"],
  ignores: ["lib/livekit/**", "**/*.test.ts"],
  rules: {
    "no-restricted-imports": ["error", { patterns: [livekitPattern, { group: ["@/app/*"], message: "Import the action from lib/<domain>/actions.ts, not a route folder." }] }],
  },
};

const config = [
  ...nextVitals,
  ...nextTs,
  livekitOnlyInLibLivekit,
  noRouteFolderImports,
  {
    ignores: [".next/**", ".next-*/**", ".stack/**", "lib/db/generated/**", "node_modules/**", "next-env.d.ts", "agent-worker/dist/**", "agent-worker/.dist-build-*/**", "playwright-report/**", "test-results/**"],
  },
];

export default config;
