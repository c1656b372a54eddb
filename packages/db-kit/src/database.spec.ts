import { describe, expect, it } from 'vitest';
import { defineEntity, Migration, openDatabase, p, uuidv7 } from './index';

const Note = defineEntity({
  name: 'Note',
  tableName: 'note',
  properties: { id: p.uuid().primary(), body: p.string() },
});

class CreateNote extends Migration {
  override name = '0001_note';
  up(): void {
    this.addSql(`create table note (id uuid primary key, body text not null check (length(body) > 0))`);
  }
}

describe('openDatabase', () => {
  it('migrates an in-memory PGlite database once and stores rows', async () => {
    const db = await openDatabase({ entities: [Note], migrations: [CreateNote] });
    expect(await db.migrate()).toEqual(['0001_note']);
    expect(await db.migrate()).toEqual([]);
    const em = db.fork();
    em.create(Note, { id: uuidv7(), body: 'hello' });
    await em.flush();
    expect(await db.fork().count(Note, {})).toBe(1);
    await db.close();
  });

  it('keeps database constraints: an empty body is refused by the table itself', async () => {
    const db = await openDatabase({ entities: [Note], migrations: [CreateNote] });
    await db.migrate();
    const em = db.fork();
    em.create(Note, { id: uuidv7(), body: '' });
    await expect(em.flush()).rejects.toThrow(/check constraint/);
    await db.close();
  });

  it('counts the SQL statements it runs', async () => {
    const db = await openDatabase({ entities: [Note], migrations: [CreateNote] });
    await db.migrate();
    const before = db.statementCount;
    await db.fork().find(Note, {});
    expect(db.statementCount - before).toBe(1);
    await db.close();
  });
});

describe('uuidv7', () => {
  it('is a version-7 uuid that sorts by creation time', () => {
    const a = uuidv7(1_700_000_000_000);
    const b = uuidv7(1_700_000_000_001);
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a < b).toBe(true);
  });
});
