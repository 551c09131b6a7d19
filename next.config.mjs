// Next.js configuration. Native and Node-only packages stay outside the server bundle;
// monaco-yaml's worker import is aliased for monaco-editor 0.57 (see stack-notes).
const monacoWorkerAlias = {
  "monaco-editor/esm/vs/editor/editor.worker.js": "monaco-editor/editor/editor.worker",
};

// The plain security headers for every path, static files included (proxy.ts, which
// sets the Content-Security-Policy, never sees /_next/static). Same values as
// lib/server/security-headers.ts.
const securityHeaders = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "X-Frame-Options", value: "DENY" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  serverExternalPackages: ["better-sqlite3", "@prisma/adapter-better-sqlite3", "pino", "jq-wasm"],
  turbopack: { resolveAlias: monacoWorkerAlias },
  webpack(config) {
    config.resolve.alias = { ...config.resolve.alias, ...monacoWorkerAlias };
    return config;
  },
  async headers() {
    return [{ source: "/:path*", headers: securityHeaders }];
  },
};

export default nextConfig;
