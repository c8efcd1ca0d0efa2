// A second process for tests/hardening/storage-faults.test.ts. Run as another user (root ignores file
// permissions), it opens the database the test made read-only and reports, as one JSON line, what a bot
// process would see: the settings it reads, and what happens to a moderator's change and to a digest claim.
import { type DigestClaims } from '../../src/digest/claims.ts';
import { SqliteClaims } from '../../src/digest/claims-sqlite.ts';
import { SettingsStore } from '../../src/settings/settings-store.ts';
import { openStore } from '../../src/store/open-store.ts';
import { configure } from '../support/configure.ts';

const db = process.env.DB ?? '';
const guild = process.env.GUILD ?? '';
const outcome = (p: Promise<unknown>) => p.then((v) => ({ ok: true as const, value: v ?? null }), (e: unknown) => ({ ok: false as const, error: (e as Error).message }));

const report: Record<string, unknown> = { uid: process.getuid?.() };
const store = await outcome(openStore(`sqlite://${db}`, 'lectern'));
report.open = store.ok ? { ok: true } : store;
if (store.ok) {
  const keyv = store.value as Awaited<ReturnType<typeof openStore>>;
  const settings = new SettingsStore(keyv);
  report.read = await outcome(settings.get(guild).then((s) => s.digest.time));
  report.write = await outcome(configure(settings, guild, { 'digest-time': '11:11' }));
  report.readAfter = await outcome(settings.get(guild).then((s) => s.digest.time));
  await keyv.disconnect();
}
const claims = await outcome(SqliteClaims.open(db));
report.claimsOpen = claims.ok ? { ok: true } : claims;
if (claims.ok) {
  const c = claims.value as DigestClaims;
  report.claim = await outcome(c.claim(guild, '2026-01-01', 'readonly-child', Date.now()));
  await c.close();
}
process.stdout.write(`${JSON.stringify(report)}\n`);
