// Every test file: scrypt at a test's cost for the credentials it creates (what is stored carries its
// own parameters, so nothing else changes). Child processes (the CLI through bin/, the crash test's
// writers) pay the real cost.
import { setKdfCostForTests } from '../src/main/crypto/credentials';

setKdfCostForTests({ N: 2 ** 10, r: 8, p: 1 });
