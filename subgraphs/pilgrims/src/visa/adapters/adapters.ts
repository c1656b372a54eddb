/**
 * The government and payment systems a visa passes through, behind interfaces: the built-in
 * simulation serves development, tests and demos; an HTTP adapter talks to the real services.
 * Which one runs is configuration (see config.ts), never code.
 */

/** The other side is unavailable or too slow (timeouts, 5xx): the same request may be retried. */
export class TransientAdapterError extends Error {
  override name = 'TransientAdapterError';
}

/** The other side answered no (payment declined, MOFA refused): retrying the same request is pointless. */
export class RefusedByAdapterError extends Error {
  override name = 'RefusedByAdapterError';
  constructor(
    readonly reasonCode: string,
    message: string,
  ) {
    super(message);
  }
}

export interface ChargeRequest {
  /** The same key for a retried charge; the provider charges once per key. */
  idempotencyKey: string;
  amountHalalas: number;
  payerCompanyId: string;
  description: string;
}

export interface PaymentAdapter {
  /** Charges once per idempotency key; returns the provider's payment reference. */
  charge(request: ChargeRequest): Promise<{ reference: string }>;
  /** Refunds a payment in full, once per payment reference. */
  refund(request: { reference: string; idempotencyKey: string }): Promise<void>;
}

export interface MofaVisaRequest {
  /** Our application id; MOFA deduplicates on it, so a retried request issues one visa. */
  applicationId: string;
  passportNumber: string;
  nationality: string;
  fullNameEn: string;
  dateOfBirth: string;
  sex: string;
  companyId: string;
  season: string;
}

export interface MofaAdapter {
  /** Requests the visa; answers MOFA's reference number (8–9 digits) and the visa number. */
  requestVisa(request: MofaVisaRequest): Promise<{ mofaReference: string; visaNumber: string }>;
}

export interface VisaAdapters {
  payment: PaymentAdapter;
  mofa: MofaAdapter;
}

/** Reference-number formats, in one place (DOMAIN: MOFA numbers are 8–9 digits). */
export const MOFA_REFERENCE = /^[0-9]{8,9}$/;
export const VISA_NUMBER = /^6[0-9]{9}$/;
export const PAYMENT_REFERENCE = /^PAY[0-9]{12}$/;
