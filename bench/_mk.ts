import { generateWorkspace } from './generate';
import { freshDb, contextFor, closeDatabase, servicesFor } from './figures/db';
import { importText } from '../src/main/workspace/service';
const db = freshDb('/tmp/bench/100k.db');
const ctx = contextFor(db, '/tmp/bench/100k.db');
importText(ctx, servicesFor(ctx).levels, 'json', JSON.stringify(generateWorkspace(100000)), 'x');
closeDatabase(db);
