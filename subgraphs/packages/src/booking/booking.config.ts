import { parseEnv } from '@umrah/subgraph-kit';
import { z } from 'zod';

/** Settings of unpaid holds; every value has a default that is right for production. */
export const bookingEnvSchema = z.object({
  /** How long a HELD booking keeps its places waiting for payment before it expires. */
  BOOKING_HOLD_HOURS: z.coerce.number().int().min(1).max(720).default(24),
  /** Pause between passes of the expiry worker that found nothing due. */
  BOOKING_EXPIRY_POLL_MS: z.coerce.number().int().min(1_000).max(3_600_000).default(60_000),
});

export interface BookingConfig {
  /** Milliseconds from taking a booking to its hold deadline. */
  holdMs: number;
  expiryPollMs: number;
}

/** Reads the booking settings from an environment; prints every problem and exits when any is found. */
export function readBookingConfig(source: NodeJS.ProcessEnv = process.env): BookingConfig {
  const env = parseEnv(bookingEnvSchema, source);
  return { holdMs: env.BOOKING_HOLD_HOURS * 3_600_000, expiryPollMs: env.BOOKING_EXPIRY_POLL_MS };
}

let parsed: BookingConfig | null = null;

/** The process's booking settings, parsed once on first use (at start, not at import). */
export function bookingConfig(): BookingConfig {
  parsed ??= readBookingConfig();
  return parsed;
}
