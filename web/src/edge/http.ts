// What every endpoint answers with: JSON bodies, and errors that carry their status, the
// parameter at fault and any headers (Retry-After).

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly parameter: string | null,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export function json(
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify(body, null, 1), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  });
}
