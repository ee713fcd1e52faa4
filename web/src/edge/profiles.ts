// The quality profiles an edge deployment offers by name (`profile=NAME`): the built-in
// parametric one, bundled with the code, and any configured in PROFILES (name -> the URL of a
// profile, or [R1 URL, R2 URL]), fetched once per isolate.
import illuminaLike from '../../../public/profiles/illumina-like-2x150.profile';
import { RemoteFile } from '../remote/remote.js';

export const BUILT_IN_PROFILES: Record<string, string[]> = {
  'illumina-like-2x150': [illuminaLike],
};

export interface ProfileTexts {
  profileTexts: string[];
  profileNames: string[];
}

const fetched = new Map<string, Promise<string[]>>();

/** The named profile's texts, or null when the server has no profile of that name. */
export async function resolveProfile(
  name: string,
  configured: Record<string, string | string[]>,
): Promise<ProfileTexts | null> {
  const builtIn = BUILT_IN_PROFILES[name];
  if (builtIn) return { profileTexts: builtIn, profileNames: [name] };
  const urls = configured[name];
  if (!urls) return null;
  const list = Array.isArray(urls) ? urls : [urls];
  if (!fetched.has(name)) {
    const texts = Promise.all(list.map((url) => new RemoteFile(url).text()));
    texts.catch(() => fetched.delete(name)); // a failed fetch is tried again next time
    fetched.set(name, texts);
  }
  return { profileTexts: await fetched.get(name)!, profileNames: list };
}

export function profileNames(configured: Record<string, string | string[]>): string[] {
  return [...Object.keys(BUILT_IN_PROFILES), ...Object.keys(configured)];
}
