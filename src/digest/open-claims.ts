import type { StoreLink } from '../store/store-link.ts';
import type { ClaimOptions, DigestClaims } from './claims.ts';
import { PostgresClaims } from './claims-postgres.ts';
import { RedisClaims } from './claims-redis.ts';
import { SqliteClaims } from './claims-sqlite.ts';

/** The digest claims in the same database as the settings, so every process sharing the settings shares them. */
export async function openClaims(link: StoreLink, options: ClaimOptions = {}): Promise<DigestClaims> {
  if (link.kind === 'postgres') return PostgresClaims.open(link.pool, options);
  if (link.kind === 'redis') return new RedisClaims(link.client, options);
  return SqliteClaims.open(link.file, options);
}
