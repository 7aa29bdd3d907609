/** Set up for every test file: the folders it made with tempDir go when it ends. */
import { afterAll } from 'vitest';
import { removeTempDirs } from './helpers.js';

afterAll(removeTempDirs);
