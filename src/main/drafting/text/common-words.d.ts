// The word-frequency lists of zxcvbn-ts's language packs (most frequent first), imported directly.
declare module '@zxcvbn-ts/language-en/dist/commonWords.json.mjs' {
  const words: string[];
  export default words;
}
declare module '@zxcvbn-ts/language-fr/dist/commonWords.json.mjs' {
  const words: string[];
  export default words;
}
