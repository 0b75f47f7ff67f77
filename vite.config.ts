import { vitePlugin as remix } from '@remix-run/dev'
import { defineConfig } from 'vite'

declare module '@remix-run/node' {
  interface Future {
    v3_singleFetch: true
  }
}

export default defineConfig({
  resolve: { alias: { '~': '/app', '#emails': '/emails' } },
  css: {
    preprocessorOptions: {
      // MOJ Frontend forwards govuk-frontend by its node_modules path, so the project root is
      // on the load path; MOJ must be loaded before GOV.UK (see app/styles/app.scss).
      scss: { loadPaths: ['.'], quietDeps: true, silenceDeprecations: ['import', 'global-builtin', 'mixed-decls'] },
    },
  },
  build: { target: 'es2022' },
  plugins: [
    remix({
      ignoredRouteFiles: ['**/*.test.{ts,tsx}', '**/.*'],
      serverModuleFormat: 'esm',
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_singleFetch: true,
        v3_lazyRouteDiscovery: true,
        v3_routeConfig: true,
      },
    }),
  ],
})
