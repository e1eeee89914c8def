// A readable id from a name: "Élections Canada" → "elections-canada" (accents dropped, at most 60
// characters), or `fallback` when nothing of the name is left.
export function slug(name: string, fallback: string): string {
  return (
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || fallback
  );
}
