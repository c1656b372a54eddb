/** Codes of refusals about licences, beside the kit's common ones. */
export enum LicenseErrorCode {
  /** The action does not apply to the licence's current status (e.g. reinstating an active licence). */
  INVALID_LICENSE_TRANSITION = 'INVALID_LICENSE_TRANSITION',
}
