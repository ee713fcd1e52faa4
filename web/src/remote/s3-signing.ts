// Signed requests to private S3 buckets (AWS Signature Version 4) with aws4fetch, which is
// made for Workers and browsers: the same signing in Node, the edge and the app's Worker.
import { AwsClient } from 'aws4fetch';

export interface S3Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  /** The bucket's region (default us-east-1); any endpoint, path-style or virtual-hosted. */
  region?: string;
}

/** A fetch that signs every request with `credentials` (retries are RemoteFile's, not its). */
export function signedFetch(credentials: S3Credentials): typeof fetch {
  const client = new AwsClient({
    accessKeyId: credentials.accessKeyId,
    secretAccessKey: credentials.secretAccessKey,
    sessionToken: credentials.sessionToken || undefined,
    service: 's3',
    region: credentials.region || 'us-east-1',
    retries: 0,
  });
  return (input, init) => client.fetch(input as string, init);
}

/** Whether a URL carries its own signature (presigned): signing it again would be refused. */
export function isPresigned(url: string): boolean {
  return /[?&](X-Amz-Signature|Signature)=/.test(url);
}
