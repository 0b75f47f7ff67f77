import { vitePlugin as remix } from '@remix-run/dev'
import { createLogger, defineConfig } from 'vite'

declare module '@remix-run/node' {
  interface Future {
    v3_singleFetch: true
  }
}

// GOV.UK Frontend's and MOJ Frontend's compiled CSS points at their fonts and images as /assets/…,
// which the Express server serves from node_modules (scripts/server.ts). Vite cannot resolve those
// at build time and says so once per file; only those notices are dropped, every other warning stays.
const logger = createLogger()
const isAssetNotice = (msg: string) => /^\/assets\/\S+ referenced in .* didn't resolve at build time/.test(msg.trim())
const warnOnce = logger.warnOnce.bind(logger)
const warn = logger.warn.bind(logger)
logger.warnOnce = (msg, options) => {
  if (!isAssetNotice(msg)) warnOnce(msg, options)
}
logger.warn = (msg, options) => {
  if (!isAssetNotice(msg)) warn(msg, options)
}

export default defineConfig({
  customLogger: logger,
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
