// Cyrillic and Greek letters that look like Latin ones, so that "ѕесrеt" (Cyrillic) compares equal to "secret".
// Upper case is mapped before lower-casing because the two cases can look like different Latin letters
// (Greek "Η" looks like H, its lower case "η" like n).
const PAIRS: ReadonlyArray<readonly [string, string]> = [
  // Cyrillic upper case
  ['А', 'a'], ['В', 'b'], ['Е', 'e'], ['Ѕ', 's'], ['І', 'i'], ['Ј', 'j'], ['К', 'k'], ['М', 'm'], ['Н', 'h'],
  ['О', 'o'], ['Р', 'p'], ['С', 'c'], ['Т', 't'], ['У', 'y'], ['Х', 'x'], ['Ү', 'y'], ['Ԁ', 'd'], ['Ԛ', 'q'],
  ['Ԝ', 'w'], ['Ӏ', 'l'],
  // Cyrillic lower case
  ['а', 'a'], ['в', 'b'], ['е', 'e'], ['ѕ', 's'], ['і', 'i'], ['ј', 'j'], ['к', 'k'], ['м', 'm'], ['н', 'h'],
  ['о', 'o'], ['р', 'p'], ['с', 'c'], ['т', 't'], ['у', 'y'], ['х', 'x'], ['ү', 'y'], ['ԁ', 'd'], ['ԛ', 'q'],
  ['ԝ', 'w'], ['һ', 'h'], ['ӏ', 'l'], ['ɡ', 'g'], ['ı', 'i'],
  // Greek upper case
  ['Α', 'a'], ['Β', 'b'], ['Ε', 'e'], ['Ζ', 'z'], ['Η', 'h'], ['Ι', 'i'], ['Κ', 'k'], ['Μ', 'm'], ['Ν', 'n'],
  ['Ο', 'o'], ['Ρ', 'p'], ['Τ', 't'], ['Υ', 'y'], ['Χ', 'x'],
  // Greek lower case
  ['α', 'a'], ['ε', 'e'], ['ι', 'i'], ['κ', 'k'], ['ν', 'v'], ['ο', 'o'], ['ρ', 'p'], ['τ', 't'], ['υ', 'u'],
  ['χ', 'x'], ['ϲ', 'c'], ['ϳ', 'j'],
  // Latin small capitals and IPA letters that read as plain Latin ones (found by tests/trust/drafts.test.ts)
  ['ᴀ', 'a'], ['ʙ', 'b'], ['ᴄ', 'c'], ['ᴅ', 'd'], ['ᴇ', 'e'], ['ꜰ', 'f'], ['ɢ', 'g'], ['ʜ', 'h'], ['ɪ', 'i'],
  ['ᴊ', 'j'], ['ᴋ', 'k'], ['ʟ', 'l'], ['ᴍ', 'm'], ['ɴ', 'n'], ['ᴏ', 'o'], ['ᴘ', 'p'], ['ʀ', 'r'], ['ꜱ', 's'],
  ['ᴛ', 't'], ['ᴜ', 'u'], ['ᴠ', 'v'], ['ᴡ', 'w'], ['ʏ', 'y'], ['ᴢ', 'z'], ['ɑ', 'a'], ['ɩ', 'i'], ['ǀ', 'l'],
  // Armenian letters that look like Latin ones
  ['օ', 'o'], ['ս', 'u'], ['ց', 'g'], ['հ', 'h'], ['ո', 'n'], ['զ', 'q'], ['Օ', 'o'], ['Ս', 'u'], ['Տ', 's'], ['Լ', 'l'],
];

export const HOMOGLYPHS: ReadonlyMap<string, string> = new Map(PAIRS);
