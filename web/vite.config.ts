import { defineConfig } from "vite";

// Served by `tansiq serve` under /console/ (the node embeds the built files).
export default defineConfig({
  base: "/console/",
  build: {
    target: "es2022",
    sourcemap: false,
    assetsInlineLimit: 0, // no data: URLs for scripts; the CSP allows only 'self'
    reportCompressedSize: false,
  },
  server: {
    // `npm run dev` against a node on the default port.
    proxy: { "/api": "http://127.0.0.1:7373" },
  },
});
