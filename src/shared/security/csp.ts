// The page's Content-Security-Policy, one for both shells (Electron's app:// protocol and browser
// mode's HTTP server); src/renderer/index.html carries the same policy in a meta tag (a test checks).
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');
