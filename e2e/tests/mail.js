// Reads the emails the server wrote with its file transport (var/e2e/mail/*.eml).
const fs = require('node:fs');
const path = require('node:path');

const mailDir = path.resolve(__dirname, '..', '..', 'var', 'e2e', 'mail');

function emailsTo(address) {
  if (!fs.existsSync(mailDir)) return [];
  return fs.readdirSync(mailDir)
    .filter((name) => name.endsWith('.eml'))
    .map((name) => {
      const file = path.join(mailDir, name);
      return { raw: fs.readFileSync(file, 'utf8').replace(/=\r?\n/g, ''), time: fs.statSync(file).mtimeMs };
    })
    .filter((email) => email.raw.toLowerCase().includes(`to: ${address.toLowerCase()}`))
    .sort((a, b) => a.time - b.time);
}

/** Waits for the `n`th email to `address` and returns the code in it, as shown ("123 456"). */
async function codeFrom(address, n) {
  for (let i = 0; i < 100; i += 1) {
    const emails = emailsTo(address);
    if (emails.length >= n) {
      const match = emails[n - 1].raw.match(/\b(\d{3} \d{3})\b/);
      if (match) return match[1];
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no email number ${n} to ${address}`);
}

/** How many emails `address` has been sent so far. */
function emailCount(address) {
  return emailsTo(address).length;
}

/** Waits for the first email to `address` containing `needle` after the first `skip`. */
async function emailContaining(address, skip, needle) {
  for (let i = 0; i < 100; i += 1) {
    const found = emailsTo(address).slice(skip).find((email) => email.raw.includes(needle));
    if (found) return found.raw;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no email to ${address} containing ${needle}`);
}

module.exports = { codeFrom, emailCount, emailContaining };
