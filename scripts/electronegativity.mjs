// `node scripts/electronegativity.mjs [--json] [--dist]`: Doyensec Electronegativity over the Electron
// shell (src/main/electron), the preload (src/preload) and the page the shell loads
// (src/renderer/index.html, for its Content-Security-Policy), all checks enabled. Exits 1 on any
// HIGH or MEDIUM finding that is not in REVIEWED below, 2 if the scan itself fails.
//
// How the tool reads TypeScript (checked in its source, dist/parser/parser.js): .ts files are parsed
// with Babel's typescript plugin, but without scope analysis — `scope.resolveVarValue(node)` returns the
// first argument of the call as written. So the window checks (context isolation, sandbox, auxclick …)
// see web preferences only when they are literally in the `new BrowserWindow({...})` call; that is why
// src/main/electron/window.ts writes them there, in createSecureWindow, the one constructor call every
// window of the shell (the app's, a team server's) goes through, rather than returning them from a
// helper. The scan runs on
// a staged copy of those folders with a package.json that names the Electron version, so that the
// version-dependent defaults are judged for the Electron we ship.
//
// `--dist` also scans the built dist/main and dist/preload bundles (after `npm run build:electron`);
// those bundle third-party code and are for manual review, not for the CI gate.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Findings a person has reviewed, pinned to the exact code: if that code changes, the finding counts again.
 * Each says why it is safe and which test proves it.
 */
export const REVIEWED = [
  {
    id: 'OPEN_EXTERNAL_JS_CHECK',
    file: 'main/electron/index.ts',
    sample: 'if (isAllowedExternal(url)) void shell.openExternal(url);',
    reason:
      'The tool flags every shell.openExternal whose argument is not a string literal ("review the use"). Here the URL must pass ' +
      'isAllowedExternal: https only, no credentials, under one of two fixed documentation sites (security.ts EXTERNAL_ALLOW_LIST). ' +
      'tests/trust/electron-shell.test.ts proves file:, http:, javascript:, look-alike hosts and credentials are refused.',
  },
  {
    id: 'PRELOAD_JS_CHECK',
    file: 'main/electron/window.ts',
    sample: 'preload,',
    reason:
      'The tool flags every preload script ("review the use"). src/preload/index.ts runs sandboxed and context-isolated and exposes ' +
      'one object, window.threshold, with one function per channel of the IPC contract that calls ipcRenderer.invoke with that ' +
      'channel, plus onMenuCommand, which passes on only known menu command names; it never exposes ipcRenderer, Node or ' +
      'Electron objects. tests/trust/electron-shell.test.ts checks exactly that. The same constructor makes the team ' +
      "server's window without a preload (tests/trust/electron-team.test.ts).",
  },
  {
    id: 'CERTIFICATE_VERIFY_PROC_JS_CHECK',
    file: 'main/electron/team-window.ts',
    sample: 'ses.setCertificateVerifyProc((request, callback) => {',
    reason:
      'The tool flags every certificate verify proc as a possible opt-out from TLS validation. This one is the pinning of a team ' +
      "server, installed only on that server's own session: it answers 0 (trust) only when the certificate's SHA-256 fingerprint " +
      'equals the one the person pinned for that host at first connection (src/main/team/pinning.ts certificateCheck), and -2 ' +
      '(refuse) for everything else, so it is stricter than the default. tests/main/team/pinning.test.ts and ' +
      'tests/trust/electron-team.test.ts prove a changed or unpinned certificate is refused.',
  },
];

const SEVERE = new Set(['HIGH', 'MEDIUM']);

function copyTree(from, to, filter) {
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    const src = path.join(from, entry.name);
    const dst = path.join(to, entry.name);
    if (entry.isDirectory()) copyTree(src, dst, filter);
    else if (filter(src)) {
      fs.mkdirSync(path.dirname(dst), { recursive: true });
      fs.copyFileSync(src, dst);
    }
  }
}

function stage(opts) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trust-electronegativity-'));
  const electronVersion = JSON.parse(
    fs.readFileSync(path.join(ROOT, 'node_modules', 'electron', 'package.json'), 'utf8'),
  ).version;
  const source = (f) => /\.(ts|tsx|js|cjs|mjs)$/.test(f) && !/\.d\.ts$/.test(f);
  copyTree(path.join(ROOT, 'src', 'main', 'electron'), path.join(dir, 'main', 'electron'), source);
  copyTree(path.join(ROOT, 'src', 'preload'), path.join(dir, 'preload'), source);
  fs.mkdirSync(path.join(dir, 'renderer'), { recursive: true });
  fs.copyFileSync(path.join(ROOT, 'src', 'renderer', 'index.html'), path.join(dir, 'renderer', 'index.html'));
  if (opts.dist) {
    for (const sub of ['main', 'preload']) {
      const built = path.join(ROOT, 'dist', sub);
      if (fs.existsSync(built)) copyTree(built, path.join(dir, 'dist', sub), (f) => f.endsWith('.cjs'));
    }
  }
  fs.writeFileSync(
    path.join(dir, 'package.json'),
    JSON.stringify(
      { name: 'threshold-scan', private: true, devDependencies: { electron: electronVersion } },
      null,
      2,
    ),
  );
  return { dir, electronVersion };
}

export async function scan(opts = {}) {
  const run = require('@doyensec/electronegativity');
  const { dir, electronVersion } = stage(opts);
  // The tool prints progress notes on console.log; keep stdout for the report.
  const log = console.log;
  console.log = (...args) => process.stderr.write(`${args.join(' ')}\n`);
  let result;
  try {
    result = await run({
      input: dir,
      isRelative: true,
      electronVersionOverride: electronVersion,
      severitySet: 'informational',
      confidenceSet: 'tentative',
    });
  } finally {
    console.log = log;
    fs.rmSync(dir, { recursive: true, force: true });
  }
  const findings = result.issues.map((i) => ({
    id: i.id,
    severity: i.severity.name,
    confidence: i.confidence.name,
    file: i.file,
    line: i.location?.line ?? 0,
    sample: (i.sample ?? '').trim(),
    description: i.description,
  }));
  const reviewedHits = [];
  const unreviewed = [];
  for (const f of findings) {
    const review = REVIEWED.find((r) => r.id === f.id && f.file.endsWith(r.file) && f.sample === r.sample);
    if (review) reviewedHits.push({ ...f, reason: review.reason });
    else if (SEVERE.has(f.severity)) unreviewed.push(f);
  }
  return {
    electronVersion,
    checks: { global: result.globalChecks, atomic: result.atomicChecks },
    parseErrors: result.errors.filter((e) => !e.tolerable).map((e) => `${e.file}: ${e.message}`),
    findings,
    reviewed: reviewedHits,
    unusedReviews: REVIEWED.filter(
      (r) => !reviewedHits.some((h) => h.id === r.id && h.file.endsWith(r.file)),
    ).map((r) => `${r.id} ${r.file}`),
    severe: unreviewed,
  };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = new Set(process.argv.slice(2));
  try {
    const report = await scan({ dist: args.has('--dist') });
    if (args.has('--json')) {
      process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    } else {
      console.log(
        `Electronegativity: ${report.checks.global} global and ${report.checks.atomic} atomic checks, Electron ${report.electronVersion}.`,
      );
      for (const f of report.findings)
        console.log(
          `  ${f.severity.padEnd(13)} ${f.confidence.padEnd(9)} ${f.id}  ${f.file}:${f.line}  ${f.sample.slice(0, 80)}`,
        );
      for (const r of report.reviewed) console.log(`  reviewed: ${r.id} ${r.file}:${r.line}: ${r.reason}`);
      for (const e of report.parseErrors) console.log(`  could not parse ${e}`);
      console.log(
        report.severe.length
          ? `${report.severe.length} HIGH or MEDIUM finding(s) to fix.`
          : 'No HIGH or MEDIUM findings.',
      );
    }
    process.exit(report.severe.length || report.parseErrors.length ? 1 : 0);
  } catch (err) {
    console.error(`electronegativity could not run: ${err.stack ?? err}`);
    process.exit(2);
  }
}
