// The part of the Workers KV API this edge function uses, typed here rather than pulling in all
// of @cloudflare/workers-types (whose globals clash with the DOM types the engine code uses).
export interface KvListKey<Metadata> {
  name: string;
  expiration?: number;
  metadata?: Metadata;
}

export interface KvNamespace {
  get(key: string): Promise<string | null>;
  put(
    key: string,
    value: string,
    options?: { expirationTtl?: number; metadata?: unknown },
  ): Promise<void>;
  list<Metadata>(options?: {
    prefix?: string;
    cursor?: string;
    limit?: number;
  }): Promise<{ keys: KvListKey<Metadata>[]; list_complete: boolean; cursor?: string }>;
}
