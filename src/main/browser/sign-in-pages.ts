// The few pages of browser mode's sign-in, outside the app itself, in English and French.
// - The launch file: a local HTML file that posts the one-time token to the server, so that the token is
//   never in an address the browser records (history, sessions, top sites); written readable by its
//   owner only, and deleted once used.
// - The sign-in page, shown without a session: paste the sign-in code printed in the terminal.
// - The signed-in page: sets nothing itself, sends the browser on to the app (a same-site navigation,
//   so that the SameSite=Strict cookie goes with it).
import fs from 'node:fs';
import path from 'node:path';

const escape = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Only what these pages need: no script, forms to the server itself. */
export const SIGN_IN_PAGE_POLICY =
  "default-src 'none'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

export function writeLaunchFile(dir: string, sessionUrl: string, token: string): string {
  const file = path.join(dir, `open-threshold-${Date.now().toString(36)}.html`);
  const html = `<!doctype html>
<html lang="en"><meta charset="utf-8"><title>Opening Threshold… / Ouverture de Threshold…</title>
<form method="post" action="${escape(sessionUrl)}">
<input type="hidden" name="token" value="${escape(token)}">
<p>Opening Threshold… <span lang="fr">Ouverture de Threshold…</span></p>
<noscript><button>Open Threshold / Ouvrir Threshold</button></noscript>
</form>
<script>document.forms[0].submit()</script>
</html>
`;
  fs.writeFileSync(file, html, { mode: 0o600 });
  return file;
}

export type SignInProblem = 'none' | 'spent' | 'unknown';

/** What the sign-in page says, in English and French. */
const SIGN_IN_MESSAGES: Record<SignInProblem, readonly [en: string, fr: string]> = {
  none: [
    'This browser is not signed in to this run of Threshold. Open the file Threshold printed when it started, or paste the sign-in code it printed.',
    'Ce navigateur n’est pas connecté à cette session de Threshold. Ouvrez le fichier indiqué par Threshold au démarrage, ou collez le code de connexion affiché.',
  ],
  spent: [
    'This sign-in code has been used already: it works once. Restart browser mode for a new one.',
    'Ce code de connexion a déjà servi : il ne sert qu’une fois. Relancez le mode navigateur pour en obtenir un nouveau.',
  ],
  unknown: [
    'This is not the sign-in code of this run of Threshold.',
    'Ce n’est pas le code de connexion de cette session de Threshold.',
  ],
};

export function signInPage(problem: SignInProblem): string {
  const [en, fr] = SIGN_IN_MESSAGES[problem];
  return `<!doctype html>
<html lang="en"><meta charset="utf-8"><title>Threshold: sign in / connexion</title>
<h1>Threshold</h1>
<p>${escape(en)}</p>
<p lang="fr">${escape(fr)}</p>
<form method="post" action="/session">
<label for="token">Sign-in code / <span lang="fr">Code de connexion</span></label>
<input id="token" name="token" type="password" autocomplete="off" required>
<button>Sign in / <span lang="fr">Se connecter</span></button>
</form>
</html>
`;
}

export const SIGNED_IN_PAGE = `<!doctype html>
<html lang="en"><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=/">
<title>Threshold</title>
<p><a href="/">Open Threshold</a> · <a href="/" lang="fr">Ouvrir Threshold</a></p>
</html>
`;
