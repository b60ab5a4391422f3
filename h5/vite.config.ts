import { defineConfig, type Plugin } from 'vite'
import vue from '@vitejs/plugin-vue'
import { fileURLToPath } from 'node:url'

/**
 * Vant's icon font is inlined in its icon CSS (woff2, data: URL) with a fallback on at.alicdn.com. The page never loads
 * fonts from another origin — its CSP (font-src 'self' data:) refuses them, and a brand's WeChat domain whitelist may
 * not list that CDN — so the fallback is dropped from the bundle.
 */
function vantIconsInlineOnly(): Plugin {
  const remote = /,\s*url\((?:https?:)?\/\/at\.alicdn\.com\/[^)]*\)\s*format\(["']woff["']\)/g
  return {
    name: 'laxin:vant-icons-inline-only',
    enforce: 'pre',
    transform(code, id) {
      if (!/vant\/es\/icon\/index\.css$/.test(id.split('?')[0])) return null
      const out = code.replace(remote, '')
      if (out === code) this.error('vant/es/icon/index.css: the icon font fallback to strip was not found')
      return { code: out, map: null }
    },
  }
}

// Served by the gateway at /h5/ (hashed files under assets/ are cached for a year there).
// `npm run dev` proxies API calls to a local run on :8080.
export default defineConfig({
  base: '/h5/',
  plugins: [vue(), vantIconsInlineOnly()],
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
  },
  server: {
    proxy: {
      '/api': 'http://localhost:8080',
      '/h5/config.json': 'http://localhost:8080',
      '/h5/demo': 'http://localhost:8080',
    },
  },
  test: {
    environment: 'happy-dom',
    include: ['tests/unit/**/*.test.ts'],
  },
})
