/** Password hashing with bcryptjs (pure JS: no native binary to download or compile). */
import bcrypt from "bcryptjs";

const ROUNDS = 12;
export const MIN_PASSWORD_LENGTH = 10;

export function hashPassword(password: string): Promise<string> {
  return bcrypt.hash(password, ROUNDS);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}
