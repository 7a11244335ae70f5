// The bot check's proof of work (ALTCHA): find the number n, 0 to maxnumber, for which
// SHA-256(salt + n) is the challenge. It runs in a worker so that a slow phone keeps scrolling
// and typing while it works. Digests are compared as bytes (no hex string a try), and asked for
// in batches, which lets the browser hash several at once.
const BATCH = 200;

function bytesOf(hex) {
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.substr(i * 2, 2), 16);
  return bytes;
}

function same(digest, target) {
  const bytes = new Uint8Array(digest);
  if (bytes.length !== target.length) return false;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] !== target[i]) return false;
  return true;
}

async function solve({ salt, challenge, maxnumber }) {
  const target = bytesOf(challenge.toLowerCase());
  const encoder = new TextEncoder();
  for (let first = 0; first <= maxnumber; first += BATCH) {
    const last = Math.min(first + BATCH - 1, maxnumber);
    const tries = [];
    for (let n = first; n <= last; n++) {
      tries.push(crypto.subtle.digest('SHA-256', encoder.encode(salt + n)));
    }
    const found = (await Promise.all(tries)).findIndex((digest) => same(digest, target));
    if (found >= 0) return first + found;
  }
  // No number fits: a forged challenge.
  return null;
}

// Always answers, null when it could not solve (no crypto.subtle outside a secure context, a
// challenge it cannot read): an error here would otherwise leave the page waiting for ever.
self.onmessage = async (event) => {
  try {
    self.postMessage(await solve(JSON.parse(event.data)));
  } catch {
    self.postMessage(null);
  }
};
