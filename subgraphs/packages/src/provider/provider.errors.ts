import { AppError, CommonErrorCode } from '@umrah/subgraph-kit';

/** Why a change to the provider registry is refused; each comes with a sentence an officer understands. */
export enum ProviderErrorCode {
  PROVIDER_LICENCE_TAKEN = 'PROVIDER_LICENCE_TAKEN',
}

export const providerLicenceTaken = (licenseNumber: string): AppError =>
  new AppError(
    ProviderErrorCode.PROVIDER_LICENCE_TAKEN,
    `Another provider is already registered with licence number ${licenseNumber}.`,
    { field: 'input.licenseNumber', details: { licenseNumber } },
  );

export const providerNotFound = (field = 'id'): AppError =>
  new AppError(CommonErrorCode.NOT_FOUND, 'There is no such service provider.', { field });
