// Reads a workspace JSON document as a stream of text chunks, so that a file of any size is never held
// whole: each election, threat, partner and outcome observation is handed over as soon as its closing brace arrives, then
// forgotten; everything else (format, exportedAt, fields Threshold does not model, or a whole STIX bundle)
// is kept as the document's "skeleton", with those lists left empty. Tokens come from @streamparser/json;
// a structure check of its own refuses what no document of ours holds before a value is built: keys that
// would pollute prototypes, and nesting deeper than MAX_DEPTH. Errors say where, as a line and column
// or a JSON path.
import { TokenParser, Tokenizer, TokenType, type ParsedTokenInfo } from '@streamparser/json';
import { FORBIDDEN_KEYS, MAX_DEPTH } from '../../shared/domain/safe-shape';
import { jsonPath } from '../../shared/domain/location';
import { SurrogateHalves } from './text-pieces';

/** The top-level lists read one element at a time. */
export const STREAMED_LISTS = ['elections', 'threats', 'partners', 'outcomes'] as const;
export type StreamedList = (typeof STREAMED_LISTS)[number];

export interface JsonStreamHandlers {
  /** One element of a streamed list, with its index in it. */
  element(list: StreamedList, index: number, value: unknown): void;
}

/** A problem in the document, located; the reader cannot go on after one. */
export class JsonStreamError extends Error {
  constructor(
    readonly where: string,
    message: string,
  ) {
    super(message);
  }
}

interface Frame {
  kind: 'object' | 'array';
  /** Where this container is, as path segments. */
  path: (string | number)[];
  /** Object: the key whose value comes next (after a colon). */
  key: string | undefined;
  /** Object: a string now would be a key. */
  expectingKey: boolean;
  /** Array: the index the next element gets. */
  next: number;
}

/** How the parser's token names read in a message. */
const TOKEN_TEXT: Record<string, string> = {
  LEFT_BRACE: '"{"',
  RIGHT_BRACE: '"}"',
  LEFT_BRACKET: '"["',
  RIGHT_BRACKET: '"]"',
  COLON: '":"',
  COMMA: '","',
  TRUE: 'true',
  FALSE: 'false',
  NULL: 'null',
  NUMBER: 'a number',
};

function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

const isStreamed = (key: string | number | undefined): key is StreamedList =>
  (STREAMED_LISTS as readonly (string | number | undefined)[]).includes(key);

export class WorkspaceJsonReader {
  private readonly tokenizer = new Tokenizer();
  /** Every token: checks the whole structure and hands over the streamed lists' elements. */
  private readonly elements = new TokenParser({
    paths: STREAMED_LISTS.map((l) => `$.${l}.*`),
    keepStack: false,
  });
  /** The document without the streamed lists' elements. */
  private readonly skeleton = new TokenParser();
  private skeletonValue: unknown = undefined;
  private readonly frames: Frame[] = [];
  /** Inside a streamed list: its depth in `frames`, while its elements' tokens bypass the skeleton. */
  private streamingDepth = -1;
  private readonly listsSeen = new Set<string>();
  private pendingKey: string | undefined;
  private tokenOffset = 0;
  private started = false;
  private ended = false;
  // Where a byte offset is: the text of the last two chunks, where it starts (in bytes, in lines), and the
  // bytes fed in all.
  private window = '';
  private windowBytes = 0;
  private windowLine = 1;
  /** Characters between the last line break before the window and its start. */
  private windowColumn = 0;
  private previousBytes = 0;
  private bytesFed = 0;
  private lastLength = 0;
  private readonly halves = new SurrogateHalves();

  constructor(private readonly handlers: JsonStreamHandlers) {
    this.tokenizer.onToken = (token) => this.onToken(token);
    this.elements.onValue = ({ value, key, stack }) => {
      // Elements of a list only (a streamed field holding an object has string keys: the skeleton keeps it).
      const list = stack[1]?.key;
      if (stack.length === 2 && typeof key === 'number' && isStreamed(list))
        this.handlers.element(list, key, value);
    };
    this.skeleton.onValue = ({ value, stack }) => {
      if (stack.length === 0) this.skeletonValue = value;
    };
  }

  /** Feeds the next piece of the text. Throws a JsonStreamError where the document is wrong. */
  write(text: string): void {
    if (this.ended) throw new Error('The reader has ended.');
    this.feed(this.halves.join(text));
  }

  private feed(text: string): void {
    let chunk = text;
    if (!this.started && chunk.length > 0) {
      this.started = true;
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
    }
    // The window keeps the previous chunk and this one: an error may be found at a token begun before.
    const older = this.window.slice(0, this.window.length - this.lastLength);
    this.windowBytes += Buffer.byteLength(older, 'utf8');
    this.windowLine += countLines(older);
    const lastBreak = older.lastIndexOf('\n');
    this.windowColumn = lastBreak >= 0 ? older.length - lastBreak - 1 : this.windowColumn + older.length;
    this.window = this.window.slice(older.length) + chunk;
    this.lastLength = chunk.length;
    this.bytesFed += Buffer.byteLength(chunk, 'utf8');
    try {
      this.tokenizer.write(chunk);
    } catch (err) {
      throw this.located(err);
    }
  }

  /** The end of the text: the document's skeleton (the streamed lists left empty). */
  end(): unknown {
    const rest = this.halves.rest();
    if (rest) this.feed(rest);
    this.ended = true;
    if (!this.started) throw new JsonStreamError('line 1, column 1', 'the file is empty');
    try {
      this.tokenizer.end();
    } catch (err) {
      throw this.located(err, true);
    }
    if (this.frames.length > 0 || this.skeletonValue === undefined)
      throw new JsonStreamError(this.lineAt(this.bytesFed), 'the file ends before the document does');
    return this.skeletonValue;
  }

  private onToken(info: ParsedTokenInfo): void {
    this.tokenOffset = info.offset;
    this.checkStructure(info);
    this.elements.write(info);
    this.toSkeleton(info);
  }

  /** The skeleton gets every token but the elements of a streamed list (the list itself stays, empty). */
  private toSkeleton(info: ParsedTokenInfo): void {
    if (this.streamingDepth >= 0) {
      // The list's own closing bracket is the first token back at its level.
      if (this.frames.length < this.streamingDepth) {
        this.streamingDepth = -1;
        this.skeleton.write(info);
      }
      return;
    }
    this.skeleton.write(info);
  }

  private checkStructure(info: ParsedTokenInfo): void {
    const top = this.frames[this.frames.length - 1];
    switch (info.token) {
      case TokenType.LEFT_BRACE:
      case TokenType.LEFT_BRACKET: {
        const path = top ? [...top.path, this.slot(top)] : [];
        if (this.frames.length >= MAX_DEPTH)
          throw new JsonStreamError(jsonPath(path), `nested more than ${MAX_DEPTH} levels deep`);
        const kind = info.token === TokenType.LEFT_BRACE ? 'object' : 'array';
        this.frames.push({ kind, path, key: undefined, expectingKey: kind === 'object', next: 0 });
        // A streamed list at the top level: its elements bypass the skeleton.
        if (kind === 'array' && this.frames.length === 2 && isStreamed(path[0])) {
          if (this.listsSeen.has(path[0]))
            throw new JsonStreamError(jsonPath(path), 'appears twice in the document');
          this.listsSeen.add(path[0]);
          this.skeleton.write(info);
          this.streamingDepth = 2;
        }
        return;
      }
      case TokenType.RIGHT_BRACE:
      case TokenType.RIGHT_BRACKET:
        this.frames.pop();
        this.valueDone();
        return;
      case TokenType.COLON:
        if (top?.kind === 'object') top.key = this.pendingKey;
        return;
      case TokenType.COMMA:
        if (top?.kind === 'object') top.expectingKey = true;
        return;
      case TokenType.STRING:
        if (top?.kind === 'object' && top.expectingKey) {
          const key = String(info.value);
          if (FORBIDDEN_KEYS.has(key))
            throw new JsonStreamError(jsonPath([...top.path, key]), `the key "${key}" is not allowed`);
          this.pendingKey = key;
          top.expectingKey = false;
          return;
        }
        this.valueDone();
        return;
      default:
        this.valueDone();
    }
  }

  /** What the value now starting is called in its container. */
  private slot(frame: Frame): string | number {
    return frame.kind === 'array' ? frame.next : (frame.key ?? '?');
  }

  private valueDone(): void {
    const top = this.frames[this.frames.length - 1];
    if (top?.kind === 'array') top.next++;
  }

  /** The tokenizer's and parser's errors, said plainly and located. */
  private located(err: unknown, atEnd = false): JsonStreamError {
    if (err instanceof JsonStreamError) return err;
    const message = (err as Error).message;
    const absolute = /absolute position "(\d+)"/.exec(message);
    const offset = absolute ? Number(absolute[1]) : atEnd ? this.bytesFed : this.tokenOffset;
    const character = /^Unexpected "([\s\S])"/.exec(message)?.[1];
    const token = /^Unexpected ([A-Z_]+)(?: \((.{0,40})\))?/.exec(message);
    let said: string;
    if (atEnd || /end of input|ended in mid/i.test(message)) said = 'the file ends before the document does';
    else if (character === '\n' || character === '\r') said = 'a line break inside a string';
    else if (character !== undefined) said = `unexpected "${character}"`;
    else if (token?.[1] === 'STRING' && token[2] !== undefined) said = `unexpected ${token[2]}`;
    else if (token) said = `unexpected ${TOKEN_TEXT[token[1] ?? ''] ?? 'text'}`;
    else said = 'this is not JSON';
    return new JsonStreamError(this.lineAt(offset), said);
  }

  /** "line L, column C" of a byte offset in the last two chunks fed (or the start of that window). */
  private lineAt(offset: number): string {
    const within = Math.max(0, offset - this.windowBytes);
    const prefix = Buffer.from(this.window, 'utf8').subarray(0, within).toString('utf8');
    const line = this.windowLine + countLines(prefix);
    const lastBreak = prefix.lastIndexOf('\n');
    const column = lastBreak >= 0 ? prefix.length - lastBreak : this.windowColumn + prefix.length + 1;
    return `line ${line}, column ${column}`;
  }
}
