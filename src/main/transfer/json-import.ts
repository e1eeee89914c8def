// Reads a workspace JSON file into validated contract objects, or says exactly where it is wrong.
import { parse as parseTolerant, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { AppError, importRefusal, type ProblemLocation } from '../../shared/errors';
import { jsonPath, lineAndColumn } from '../../shared/domain/location';
import { parseJsonText } from '../../shared/domain/json-text';
import { refuseUnsafeImport } from '../../shared/domain/safe-shape';
import { WorkspaceSchema, type Workspace } from '../../shared/domain/workspace';

const MAX_PROBLEMS = 20;

export function parseWorkspaceJson(text: string, fileName = 'the file'): Workspace {
  let data: unknown;
  try {
    data = parseJsonText(text);
  } catch (err) {
    throw new AppError(
      'import-invalid',
      `${fileName} is not valid JSON: ${describeSyntaxError(err, text)}. Nothing was imported.`,
      [{ where: syntaxWhere(err, text), message: describeSyntaxError(err, text) }],
    );
  }
  return validateWorkspace(data, fileName);
}

export function validateWorkspace(data: unknown, fileName = 'the file'): Workspace {
  refuseUnsafeImport(data, fileName);
  const parsed = WorkspaceSchema.safeParse(data);
  if (!parsed.success) {
    const problems: ProblemLocation[] = parsed.error.issues
      .slice(0, MAX_PROBLEMS)
      .map((i) => ({ where: jsonPath(i.path), message: i.message }));
    throw new AppError(
      'import-invalid',
      importRefusal(fileName, problems, parsed.error.issues.length),
      problems,
    );
  }
  const problems = crossCheck(parsed.data);
  if (problems.length > 0)
    throw new AppError(
      'import-invalid',
      importRefusal(fileName, problems, problems.length),
      problems.slice(0, MAX_PROBLEMS),
    );
  return parsed.data;
}

/** What a schema cannot say: ids unique within the file. */
function crossCheck(ws: Workspace): ProblemLocation[] {
  const problems: ProblemLocation[] = [];
  const seen = new Map<string, number>();
  ws.elections.forEach((e, i) => {
    const first = seen.get(e.id);
    if (first !== undefined)
      problems.push({
        where: `$.elections[${i}].id`,
        message: `repeats the id ${e.id} of $.elections[${first}]`,
      });
    else seen.set(e.id, i);
  });
  const threatIds = new Map<string, number>();
  ws.threats.forEach((t, i) => {
    const first = threatIds.get(t.id);
    if (first !== undefined)
      problems.push({
        where: `$.threats[${i}].id`,
        message: `repeats the id ${t.id} of $.threats[${first}]`,
      });
    else threatIds.set(t.id, i);
  });
  return problems;
}

/** JSON.parse does not always say where; a tolerant parser run on the failed text does. */
function syntaxProblem(text: string): { offset: number; message: string } | null {
  const errors: ParseError[] = [];
  parseTolerant(text, errors, { disallowComments: true, allowTrailingComma: false });
  const first = errors[0];
  return first ? { offset: first.offset, message: describeCode(printParseErrorCode(first.error)) } : null;
}

function describeCode(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

function syntaxWhere(err: unknown, text: string): string {
  if (err instanceof RangeError) return '$';
  const problem = syntaxProblem(text);
  if (!problem) return '$';
  const { line, column } = lineAndColumn(text, problem.offset);
  return `line ${line}, column ${column}`;
}

function describeSyntaxError(err: unknown, text: string): string {
  if (err instanceof RangeError) return 'it is nested too deeply to read';
  const problem = syntaxProblem(text);
  if (!problem) return (err as Error).message;
  return `${problem.message} at ${syntaxWhere(err, text)}`;
}
