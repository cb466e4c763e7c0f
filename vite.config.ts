import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// The client lives in client/; tests live in test/ at the repository root.
export default defineConfig({
  root: here("./client"),
  plugins: [react()],
  build: {
    outDir: here("./dist/client"),
    emptyOutDir: true,
    rollupOptions: {
      input: {
        respondent: here("./client/respondent/index.html"),
        admin: here("./client/admin/index.html"),
      },
    },
  },
  test: {
    root: here("."),
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
