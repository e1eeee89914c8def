import { generateWorkspace } from './generate';
import { freshDb, contextFor, closeDatabase } from './figures/db';
import { importText } from '../src/main/transfer/service';
const ws = generateWorkspace(20000);
const text = JSON.stringify(ws);
for (let i = 0; i < 2; i++) {
  const db = freshDb('/tmp/bench/p.db');
  const ctx = contextFor(db, '/tmp/bench/p.db');
  const t = performance.now();
  importText(ctx, 'json', text, 'x');
  console.log('import', (performance.now() - t).toFixed(0));
  closeDatabase(db);
}
