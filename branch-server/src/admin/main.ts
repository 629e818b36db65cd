// `skr-admin`: the technician's command (backup, restore, migrate, accounts, pairing, health).
import { text } from 'node:stream/consumers';
import { runAdmin } from './cli';

process.exitCode = await runAdmin(process.argv.slice(2), {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
  readStdin: () => text(process.stdin),
  env: process.env,
});
