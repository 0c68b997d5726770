// One jest run, several projects: unit specs beside the code, API tests over HTTP, and the
// client tests (weapp in miniprogram-simulate, browser in headless Chromium).
const tsJest = ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }];

/** @type {import('jest').Config} */
module.exports = {
  // Starting a server on MariaDB takes ~3 s, longer on a loaded 2-core machine: 5 s hooks time out there.
  testTimeout: 30_000,
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      transform: { '^.+\\.ts$': tsJest },
      testMatch: ['<rootDir>/shared/**/*.spec.ts', '<rootDir>/server/**/*.spec.ts'],
    },
    {
      // pure client logic (no Taro runtime) beside its code in miniprogram/
      displayName: 'client',
      testEnvironment: 'node',
      transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/miniprogram/tsconfig.json' }] },
      testMatch: ['<rootDir>/miniprogram/**/*.spec.ts'],
    },
    {
      displayName: 'api',
      testEnvironment: 'node',
      transform: { '^.+\\.ts$': tsJest },
      testMatch: ['<rootDir>/test/api/**/*.test.ts'],
      setupFiles: ['<rootDir>/test/support/setup-env.ts'],
    },
    {
      // pages of the built dist/weapp in miniprogram-simulate (jsdom + the official wcc compiler)
      displayName: 'weapp',
      testEnvironment: 'jsdom',
      transform: { '^.+\\.ts$': tsJest },
      testMatch: ['<rootDir>/test/weapp/**/*.test.ts'],
      // dist/ holds plain JS for the WeChat runtime: never transform it
      transformIgnorePatterns: ['/node_modules/', '<rootDir>/dist/'],
    },
    {
      // the h5 build served by the real server, driven in headless Debian chromium
      displayName: 'browser',
      testEnvironment: 'node',
      transform: { '^.+\\.ts$': tsJest },
      testMatch: ['<rootDir>/test/browser/**/*.test.ts'],
      setupFiles: ['<rootDir>/test/support/setup-env.ts'],
    },
  ],
};
