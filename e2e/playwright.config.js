// @ts-check
const { defineConfig } = require('@playwright/test');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const port = Number(process.env.E2E_PORT || 18080);
const dataDir = path.join(root, 'var', 'e2e');
const { serverEnv, portal } = require('./server-env');

module.exports = defineConfig({
  testDir: './tests',
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  workers: 1,
  reporter: [['list']],
  timeout: 30_000,
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: 'retain-on-failure',
    launchOptions: {
      // Debian's Chromium: test tools cannot download their own browser on these machines.
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  webServer: {
    // The real server binary on a fresh SQLite file, serving the built app from web/dist.
    command: `rm -rf "${dataDir}" && exec "${portal}" serve`,
    cwd: root,
    url: `http://127.0.0.1:${port}/api/v1/health`,
    reuseExistingServer: false,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
    env: serverEnv,
  },
});
