import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Native and WebAssembly packages stay outside the server bundle.
  serverExternalPackages: ["@node-rs/argon2", "@node-rs/jieba", "highs", "pg", "@prisma/adapter-pg", "exceljs", "pg-boss", "pdfkit"],
  poweredByHeader: false,
  // Attachments are up to 20 MB (lib/storage) and spreadsheets for import up to 20 MB; allow the multipart overhead.
  experimental: {
    serverActions: { bodySizeLimit: "25mb" },
    proxyClientMaxBodySize: "25mb",
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Frame-Options", value: "DENY" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
        ],
      },
    ];
  },
};

export default nextConfig;
