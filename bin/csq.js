#!/usr/bin/env node
// Older Node versions fail deep inside dependencies; say so plainly instead.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 20 || (major === 20 && minor < 17)) {
  process.stderr.write(`csq needs Node.js 20.17 or newer; this is ${process.version}.\n`);
  process.exit(2);
}
try {
  await import('../dist/cli.js');
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('dist')) throw error;
  process.stderr.write('csq is not built yet: run `npm run build` (or `npm start`) first.\n');
  process.exitCode = 2;
}
