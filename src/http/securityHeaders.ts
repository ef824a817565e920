// The security headers of every response (helmet): a strict Content-Security-Policy — the pages and the console
// load their styles and scripts from files of ours, nothing inline and nothing from another site — no framing,
// no referrer, no MIME sniffing, and HSTS for browsers that reached Erasure over HTTPS.
import helmet from 'helmet';
import type { RequestHandler } from 'express';

export const contentSecurityPolicy = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  // Inline event handlers and style attributes are what an injected snippet would use: none are allowed.
  'script-src-attr': ["'none'"],
  'style-src': ["'self'"],
  'img-src': ["'self'"],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

export function securityHeaders(): RequestHandler {
  return helmet({
    // Only our directives: helmet's defaults add upgrade-insecure-requests, which would break an operator's
    // plain-HTTP trial on a LAN address, and allow https: and inline fonts and styles we do not need.
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  });
}
