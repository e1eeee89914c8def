// The document properties a release carries (docProps/core.xml, app.xml, custom.xml): the organisation as
// author and company, a title, the subject, the language and the date, and nothing internal: no ids, no
// person's name, no revision number, no custom properties.
const escapeXml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export interface CoreProperties {
  title: string;
  subject: string;
  /** The organisation's name. */
  creator: string;
  /** BCP 47 tag, e.g. en-CA. */
  language: string;
  /** YYYY-MM-DD: the document's date (created and modified). */
  date: string;
  /** Internal documents only (the sign-off record): keywords and a description. */
  keywords?: string;
  description?: string;
}

export function coreXml(p: CoreProperties): string {
  const when = `${p.date}T00:00:00Z`;
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${escapeXml(p.title)}</dc:title>` +
    `<dc:subject>${escapeXml(p.subject)}</dc:subject>` +
    `<dc:creator>${escapeXml(p.creator)}</dc:creator>` +
    (p.keywords ? `<cp:keywords>${escapeXml(p.keywords)}</cp:keywords>` : '') +
    (p.description ? `<dc:description>${escapeXml(p.description)}</dc:description>` : '') +
    `<cp:lastModifiedBy>${escapeXml(p.creator)}</cp:lastModifiedBy>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>` +
    `<dc:language>${escapeXml(p.language)}</dc:language>` +
    '</cp:coreProperties>'
  );
}

export function appXml(company: string): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" ' +
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
    '<Application>Threshold</Application>' +
    (company ? `<Company>${escapeXml(company)}</Company>` : '') +
    '</Properties>'
  );
}

export const EMPTY_CUSTOM_XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
  '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" ' +
  'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"/>';
