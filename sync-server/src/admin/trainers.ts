import { refusal, type NewTrainer, type Person } from '@spotter/shared';
import { v7 as uuidv7 } from 'uuid';
import type { Repository } from '../storage/repository.ts';
import { refused } from '../errors.ts';

/**
 * An admin creates a coach account with its trainer profile
 * (docs/DESIGN.md "Admin: trainers and assignments"). Accounts never come through sync (they need a password); later profile edits do.
 */
export async function createTrainer(repo: Repository, body: NewTrainer, passwordHash: string, opts: { now?: Date; newId?: () => string } = {}): Promise<Person> {
  const email = body.email.trim().toLowerCase();
  const { password: _password, ...fields } = body;
  const person: Person = {
    ...fields,
    id: (opts.newId ?? uuidv7)(),
    role: 'coach',
    email,
    units: 'kg',
    updatedAt: (opts.now ?? new Date()).toISOString(),
  };
  await repo.transaction(async () => {
    if (await repo.findUserByEmail(email)) throw refused(409, refusal('email_taken'));
    await repo.createUser(person, passwordHash);
  });
  return person;
}
