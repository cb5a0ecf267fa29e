// Password hashing with argon2id (@node-rs/argon2: maintained, prebuilt, no compiler needed),
// with the library's defaults (19 MiB, 2 passes), which follow the OWASP recommendation.
import { hash, verify } from '@node-rs/argon2';

export const MIN_PASSWORD_LENGTH = 12;

export function checkPasswordRules(password: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `a password needs at least ${MIN_PASSWORD_LENGTH} characters`;
  if (password.length > 256) return 'a password may have at most 256 characters';
  return null;
}

export const hashPassword = (password: string) => hash(password);

/** False for a wrong password or a malformed hash (never throws on either). */
export async function passwordMatches(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
