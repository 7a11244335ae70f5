// How the e2e server is configured, shared by the Playwright config (which starts it) and
// the journeys that run the same binary's commands against its database.
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const port = Number(process.env.E2E_PORT || 18080);
const dataDir = path.join(root, 'var', 'e2e');

const serverEnv = {
  PORTAL_SERVER__PORT: String(port),
  PORTAL_DATABASE__URL: `sqlite://${path.join(dataDir, 'portal.db')}`,
  PORTAL_WEB_DIR: path.join(root, 'web', 'dist'),
  PORTAL_COUNCIL_FILE: path.join(root, 'config', 'council.toml'),
  PORTAL_BANK_HOLIDAYS_FILE: path.join(root, 'config', 'bank-holidays.json'),
  PORTAL_FORMS_DIR: path.join(root, 'shared', 'forms'),
  // No SMTP server here: the real file transport writes each email as an .eml file.
  PORTAL_EMAIL__FILE_DIR: path.join(dataDir, 'mail'),
  PORTAL_AUTH__BOT_CHECK_MAX_NUMBER: '20000',
  // The webhook journey registers a receiver on this machine.
  PORTAL_SERVER__ALLOW_LOCAL_WEBHOOKS: 'true',
  PORTAL_SERVER__METRICS_ADDRESS: '127.0.0.1:0',
  RUST_LOG: 'warn',
};

// The justfile names the binary (it knows CARGO_TARGET_DIR); ./target is the default.
const portal = process.env.PORTAL_BIN || path.join(root, 'target', 'debug', 'portal');

module.exports = { serverEnv, portal };
