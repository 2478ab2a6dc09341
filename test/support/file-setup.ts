import { afterAll } from 'vitest';
import { removeTempDirs } from './temp-dir.js';

/** Runs in every test file (`setupFiles`): its temporary folders go when its last test is done. */
afterAll(() => { removeTempDirs(); });
