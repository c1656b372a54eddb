import { randomBytes } from 'node:crypto';

/**
 * The booking reference number (BRN) format, in one place: `BRN-` and ten capital letters or
 * digits. The database checks the same pattern (migration 0003 reads it from here).
 */
export const BOOKING_REFERENCE_PATTERN = '^BRN-[0-9A-Z]{10}$';
const BOOKING_REFERENCE = new RegExp(BOOKING_REFERENCE_PATTERN);

// New references use Crockford's base-32 letters (no I, L, O, U): read out over the phone without
// confusion, and five random bits a character, so 2^50 references without bias.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export const isBookingReference = (value: string): boolean => BOOKING_REFERENCE.test(value);

/** A new random BRN; `bytes` (ten of them) only to make a reference reproducible (demo data). */
export function newBookingReference(bytes: Uint8Array = randomBytes(10)): string {
  let body = '';
  for (let i = 0; i < 10; i++) body += ALPHABET[bytes[i]! & 0x1f];
  return `BRN-${body}`;
}
