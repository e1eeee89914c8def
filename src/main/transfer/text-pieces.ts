// Text given in pieces: a piece may end between the two halves of a character outside the Basic
// Multilingual Plane (an emoji, a CJK extension): the first half waits for the next piece, so that no
// character is read as two broken ones.
export class SurrogateHalves {
  private held = '';

  /** The piece, with any half held from the last one before it and its own trailing half held back. */
  join(piece: string): string {
    let text = this.held + piece;
    this.held = '';
    const last = text.charCodeAt(text.length - 1);
    if (last >= 0xd800 && last <= 0xdbff) {
      this.held = text.slice(-1);
      text = text.slice(0, -1);
    }
    return text;
  }

  /** What is still held at the end (a half with no other half: the text is broken there). */
  rest(): string {
    const rest = this.held;
    this.held = '';
    return rest;
  }
}
