import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'], tsconfig: 'tsconfig.json' },
    // A hang guard, not a timed assertion. Stop 30: the analysis of the shipped rules (it routes every scenario, 3,676 field texts
    // among them) took ~30 s on a shared two-CPU machine under load, and the CLI tests that run `xiaobao analyze` as well; 60 s
    // left too little room, so 120 s.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    env: { TZ: process.env.TZ ?? 'UTC' },
  },
})
