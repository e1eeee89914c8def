import { generateWorkspace } from './generate';
import { freshDb, contextFor, closeDatabase } from './figures/db';
import { importText } from '../src/main/transfer/service';
import { createHandlers } from '../src/main/services';
const db = freshDb('/tmp/bench/100k.db');
const ctx = contextFor(db, '/tmp/bench/100k.db');
createHandlers(ctx);
importText(ctx, 'json', JSON.stringify(generateWorkspace(100000)), 'x');
closeDatabase(db);
