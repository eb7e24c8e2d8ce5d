import type { Kysely } from 'kysely';
import type { Database } from '../database-schema.js';

/**
 * One-time reset and activation codes: only their hash is stored; a code is used once, expires, and a newer code of
 * the same person voids the older ones.
 */
export class PasswordResetRepository {
  constructor(private readonly db: Kysely<Database>) {}

  /** Stores a new code of a person, voiding every unused one they had. */
  async issue(code: { codeHash: string; personId: string; issuedBy: string | null; now: Date; expiresAt: Date }) {
    await this.db
      .deleteFrom('password_resets')
      .where('person_id', '=', code.personId)
      .where('used_at', 'is', null)
      .execute();
    await this.db
      .insertInto('password_resets')
      .values({
        code_hash: code.codeHash,
        person_id: code.personId,
        issued_by: code.issuedBy,
        created_at: code.now,
        expires_at: code.expiresAt,
        used_at: null,
      })
      .execute();
  }

  /** Stores new codes of many people at once (a class's activation codes), voiding their unused ones: two statements. */
  async issueMany(
    codes: readonly { codeHash: string; personId: string }[],
    issuedBy: string | null,
    now: Date,
    expiresAt: Date,
  ): Promise<void> {
    if (codes.length === 0) return;
    await this.db
      .deleteFrom('password_resets')
      .where(
        'person_id',
        'in',
        codes.map((code) => code.personId),
      )
      .where('used_at', 'is', null)
      .execute();
    await this.db
      .insertInto('password_resets')
      .values(
        codes.map((code) => ({
          code_hash: code.codeHash,
          person_id: code.personId,
          issued_by: issuedBy,
          created_at: now,
          expires_at: expiresAt,
          used_at: null,
        })),
      )
      .execute();
  }

  /**
   * Uses a code: true when it was the person's, unused and not expired, and is now used (one statement, so two
   * requests racing with the same code cannot both succeed).
   */
  async use(codeHash: string, personId: string, now: Date): Promise<boolean> {
    const result = await this.db
      .updateTable('password_resets')
      .set({ used_at: now })
      .where('code_hash', '=', codeHash)
      .where('person_id', '=', personId)
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Whether the person holds a code that `use` would accept now (checked before the password is hashed). */
  async isUsable(codeHash: string, personId: string, now: Date): Promise<boolean> {
    const row = await this.db
      .selectFrom('password_resets')
      .select('code_hash')
      .where('code_hash', '=', codeHash)
      .where('person_id', '=', personId)
      .where('used_at', 'is', null)
      .where('expires_at', '>', now)
      .executeTakeFirst();
    return row !== undefined;
  }
}
