import react from '@vitejs/plugin-react';
import { defaultClientConditions, defineConfig } from 'vite';

// `npm run build -w @daena/web` writes dist/, which the gateway serves at / (gateway/src/web).
// `npm run dev -w @daena/web` serves the sources with hot reload against a gateway on :4000.
const gateway = 'http://localhost:4000';

export default defineConfig({
  plugins: [react()],
  // Workspace packages (the SDK) export their TypeScript sources under `source`.
  resolve: { conditions: ['source', ...defaultClientConditions] },
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022' },
  server: {
    proxy: {
      '/graphql': { target: gateway, ws: true },
      '/auth': gateway,
      '/dashboard.json': gateway,
    },
  },
});
