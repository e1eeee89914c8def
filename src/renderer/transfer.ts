// Importing and exporting files from the renderer: read a chosen file; save through the
// desktop app's dialog, or download in browser mode.
import type { ImportReport } from '../shared/domain/transfer';
import { ServiceError, api, call } from './api/bridge';

export async function importFile(file: File): Promise<ImportReport> {
  const format = file.name.toLowerCase().endsWith('.csv') ? 'csv' : 'json';
  return call(api.workspace.import({ format, content: await file.text(), fileName: file.name }));
}

export async function saveFile(
  name: string,
  content: string | Uint8Array,
  mimeType: string,
): Promise<string | null> {
  const isText = typeof content === 'string';
  const payload = isText ? content : btoa(Array.from(content, (b) => String.fromCharCode(b)).join(''));
  const result = await api.files.save({
    suggestedName: name,
    content: payload,
    encoding: isText ? 'utf8' : 'base64',
  });
  if (result.ok) return result.value.path;
  if (result.error.code !== 'unsupported') throw new ServiceError(result.error);
  const blob = new Blob([isText ? content : new Uint8Array(content)], { type: mimeType });
  const url = URL.createObjectURL(blob);
  followDownload(url, name);
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}

/** Lets the browser download what is at `href` (a blob, or a file main offers) under `name`. */
export function followDownload(href: string, name: string): void {
  const a = document.createElement('a');
  a.href = href;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
}
