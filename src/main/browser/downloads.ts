// Browser mode's save port: a file main made (a Word document) is kept for the page to download once,
// at an address with an unguessable name, for a few minutes. The page only follows the address; the
// bytes never pass through it as text.
import { randomBytes } from 'node:crypto';
import type { SavedFile } from '../../shared/domain/files';
import type { FileToSave, SaveFilePort } from '../files/save-port';

const KEPT_MS = 5 * 60_000;
export const DOWNLOAD_PATH = '/download/';

export class DownloadShelf implements SaveFilePort {
  readonly kind = 'download' as const;
  private readonly files = new Map<string, { file: FileToSave; until: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  save(file: FileToSave): Promise<SavedFile> {
    this.prune();
    const id = randomBytes(24).toString('base64url');
    this.files.set(id, { file, until: this.now() + KEPT_MS });
    return Promise.resolve({ saved: false, path: null, download: `${DOWNLOAD_PATH}${id}` });
  }

  /** The file at an id, handed out once. */
  take(id: string): FileToSave | undefined {
    this.prune();
    const kept = this.files.get(id);
    this.files.delete(id);
    return kept?.file;
  }

  private prune(): void {
    const now = this.now();
    for (const [id, kept] of this.files) if (kept.until < now) this.files.delete(id);
  }
}

/** Content-Disposition for a download: an ASCII fallback name and the exact one (RFC 6266, RFC 5987). */
export function attachment(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
