/** Codes of refusals about the company registry, beside the kit's common ones. */
export enum CompanyErrorCode {
  /** Another company already holds this commercial registration number. */
  CR_NUMBER_TAKEN = 'CR_NUMBER_TAKEN',
  /** Another licence already carries this number. */
  LICENSE_NUMBER_TAKEN = 'LICENSE_NUMBER_TAKEN',
}
