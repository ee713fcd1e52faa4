// The HTTP headers the built app is served with (vite preview sets them; README gives them for
// static hosts). The Content-Security-Policy allows the app's own origin and, for fetching
// remote references, the origins in READFORGE_CONNECT_ORIGINS (space-separated; by default the
// local S3 bucket of start.sh and Amazon S3); no inline scripts, wasm compiled from the app's
// own module only. COOP keeps other windows from scripting the page.
export function securityHeaders(
  connectOrigins = process.env.READFORGE_CONNECT_ORIGINS ??
    'http://127.0.0.1:4568 http://127.0.0.1:4569 https://*.amazonaws.com',
): Record<string, string> {
  const policy = [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "worker-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    `connect-src 'self' ${connectOrigins}`,
    "frame-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
  return {
    'Content-Security-Policy': policy,
    'Cross-Origin-Opener-Policy': 'same-origin',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
  };
}
