// Reading a JSON file a person names on the command line (a policy, a profile): a byte-order mark is
// allowed, and text that is not JSON is refused with the file's name and the parser's reason.
import fs from 'node:fs';
import path from 'node:path';
import { AppError, type ErrorCode } from '../shared/errors';

/** `refusal` says what stays unchanged, e.g. "Nothing was changed." */
export function readJsonFile(
  cwd: string,
  file: string,
  code: ErrorCode,
  /** The refusal: "<file> is not valid JSON (why)" and what stays as it was. */
  refusal: 'cli/policy-not-json' | 'cli/profile-not-json',
): unknown {
  const full = path.resolve(cwd, file);
  const text = fs.readFileSync(full, 'utf8');
  try {
    return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
  } catch (err) {
    throw new AppError(code, {
      id: refusal,
      params: { file: path.basename(full), reason: (err as Error).message },
    });
  }
}
