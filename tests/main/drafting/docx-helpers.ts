// Reading a generated .docx back: its XML parts (jszip) and its text (mammoth).
import JSZip from 'jszip';
import mammoth from 'mammoth';

export interface DocxParts {
  document: string;
  styles: string;
  core: string;
  headers: string[];
  footers: string[];
  files: string[];
}

export async function readDocx(buffer: Buffer): Promise<DocxParts> {
  const zip = await JSZip.loadAsync(buffer);
  const read = (name: string) => zip.file(name)!.async('string');
  const files = Object.keys(zip.files).sort();
  const parts = async (re: RegExp) => Promise.all(files.filter((f) => re.test(f)).map(read));
  return {
    document: await read('word/document.xml'),
    styles: await read('word/styles.xml'),
    core: await read('docProps/core.xml'),
    headers: await parts(/^word\/header\d+\.xml$/),
    footers: await parts(/^word\/footer\d+\.xml$/),
    files,
  };
}

export async function docxText(buffer: Buffer): Promise<string> {
  return (await mammoth.extractRawText({ buffer })).value;
}

export async function docxHtml(buffer: Buffer): Promise<string> {
  return (await mammoth.convertToHtml({ buffer })).value;
}

/** The text of the w:t elements of an XML part, joined. */
export function xmlText(xml: string): string {
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
}
