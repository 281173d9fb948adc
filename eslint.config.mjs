import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const livekitOnlyInLibLivekit = {
  files: ["**/*.ts", "**/*.tsx"],
  ignores: ["lib/livekit/**", "agent-worker/**", "e2e/**", "bench/**", "**/*.int.test.ts"],
  rules: {
    // House style rule 5: lib/livekit is the only door to LiveKit's SDK.
    "no-restricted-imports": [
      "error",
      {
        patterns: [
          { group: ["livekit-server-sdk", "@livekit/protocol"], message: "Use the domain verbs in lib/livekit instead." },
        ],
      },
    ],
  },
};

const config = [
  ...nextVitals,
  ...nextTs,
  livekitOnlyInLibLivekit,
  {
    ignores: [".next/**", ".next-*/**", ".stack/**", "lib/db/generated/**", "node_modules/**", "next-env.d.ts", "agent-worker/dist/**", "playwright-report/**", "test-results/**"],
  },
];

export default config;
