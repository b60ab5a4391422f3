// Verifies a Laxin webhook's Laxin-Signature header (Node.js 18+, no dependencies).
// Header: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + "." + rawBody)> (one v1 per secret while a rotated
// secret's grace period runs). Verify the raw body exactly as received, before JSON.parse.
//
// Express:
//   app.post('/laxin/webhooks', express.raw({ type: 'application/json' }), (req, res) => {
//     const body = req.body.toString('utf8');
//     if (!verifyLaxinWebhook(req.get('Laxin-Signature'), body, process.env.LAXIN_WEBHOOK_SECRET)) {
//       return res.sendStatus(400);
//     }
//     const event = JSON.parse(body); // deduplicate on event.id (also in the Laxin-Event-Id header)
//     res.sendStatus(204);           // answer 2xx quickly; do the work afterwards
//   });
import { createHmac, timingSafeEqual } from 'node:crypto';

export function verifyLaxinWebhook(header, rawBody, secret, { toleranceSeconds = 300, nowSeconds } = {}) {
  if (typeof header !== 'string' || typeof rawBody !== 'string' || !secret) return false;
  let timestamp = null;
  const signatures = [];
  for (const part of header.split(',')) {
    const i = part.indexOf('=');
    if (i < 0) continue;
    const key = part.slice(0, i).trim();
    const value = part.slice(i + 1).trim();
    if (key === 't') timestamp = Number(value);
    else if (key === 'v1') signatures.push(value);
  }
  const now = nowSeconds ?? Math.floor(Date.now() / 1000);
  if (!Number.isInteger(timestamp) || signatures.length === 0 || Math.abs(now - timestamp) > toleranceSeconds) {
    return false;
  }
  const expected = Buffer.from(createHmac('sha256', secret).update(`${timestamp}.${rawBody}`, 'utf8').digest('hex'));
  return signatures.some((s) => {
    const candidate = Buffer.from(s);
    return candidate.length === expected.length && timingSafeEqual(candidate, expected);
  });
}
