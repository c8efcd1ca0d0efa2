import type pg from 'pg';
import type { RedisClientType } from '@redis/client';

/**
 * What the settings store is kept in, so that the parts that need more than key-value (the digest claims'
 * atomic insert, the uploads' bytes) use the same database through the same connection.
 */
export type StoreLink =
  | { kind: 'sqlite'; file: string }
  | { kind: 'postgres'; pool: pg.Pool; shown: string }
  | { kind: 'redis'; client: RedisClientType; shown: string };

export type StoreKind = StoreLink['kind'];

export function storeKind(url: string): StoreKind {
  if (/^rediss?:\/\//.test(url)) return 'redis';
  if (/^postgres(ql)?:\/\//.test(url)) return 'postgres';
  return 'sqlite';
}

/** Whether two machines can share this store (PostgreSQL and Redis can; a SQLite file is one machine's). */
export const isShared = (link: StoreLink) => link.kind !== 'sqlite';
