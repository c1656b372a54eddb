import { AppError, CommonErrorCode } from '@umrah/subgraph-kit';

/** Why a package change or decision is refused; each comes with a sentence a manager or officer understands. */
export enum PackageErrorCode {
  INVALID_PACKAGE_TRANSITION = 'INVALID_PACKAGE_TRANSITION',
  PACKAGE_VERSION_CONFLICT = 'PACKAGE_VERSION_CONFLICT',
  COMPONENT_OUTSIDE_STAY = 'COMPONENT_OUTSIDE_STAY',
  COMPONENTS_OVERLAP = 'COMPONENTS_OVERLAP',
  HOTEL_OUTSIDE_HOLY_CITIES = 'HOTEL_OUTSIDE_HOLY_CITIES',
  NIGHTS_NOT_COVERED = 'NIGHTS_NOT_COVERED',
}

export const servicePackageNotFound = (field = 'id'): AppError =>
  new AppError(CommonErrorCode.NOT_FOUND, 'There is no such service package.', { field });

export const componentItemNotFound = (field: string): AppError =>
  new AppError(CommonErrorCode.NOT_FOUND, 'There is no such inventory item.', { field });

export const invalidPackageTransition = (from: string, action: string): AppError =>
  new AppError(PackageErrorCode.INVALID_PACKAGE_TRANSITION, `A package that is ${from} cannot be ${action}.`, {
    field: 'id',
    details: { from, action },
  });

export const packageVersionConflict = (expected: number, current: number): AppError =>
  new AppError(
    PackageErrorCode.PACKAGE_VERSION_CONFLICT,
    `The package changed since you read it (version ${expected}, now ${current}); read it again before deciding.`,
    { field: 'expectedVersion', details: { expected, current } },
  );

export const componentOutsideStay = (field: string, nights: number, hotel: boolean): AppError =>
  new AppError(
    PackageErrorCode.COMPONENT_OUTSIDE_STAY,
    hotel
      ? `Hotel nights must lie within the stay’s ${nights} nights (days 0 to ${nights - 1}).`
      : `A service must lie within the stay, from day 0 (arrival) to day ${nights} (leaving).`,
    { field, details: { nights } },
  );

export const componentsOverlap = (field: string, other: number, day: number, hotel: boolean): AppError =>
  new AppError(
    PackageErrorCode.COMPONENTS_OVERLAP,
    hotel
      ? `This hotel component and component ${other + 1} both give night ${day}; a pilgrim sleeps in one hotel a night.`
      : `This component uses the same item as component ${other + 1} on day ${day}.`,
    { field, details: { otherPosition: other, day } },
  );

export const hotelOutsideHolyCities = (field: string, city: string): AppError =>
  new AppError(
    PackageErrorCode.HOTEL_OUTSIDE_HOLY_CITIES,
    `A package’s nights are spent in Makkah or Madinah; this hotel is in ${city}.`,
    { field, details: { city } },
  );

export const nightsNotCovered = (field: string, city: string, nights: number, covered: number): AppError =>
  new AppError(
    PackageErrorCode.NIGHTS_NOT_COVERED,
    `The package has ${nights} nights in ${city} but its ${city} hotel components give ${covered}.`,
    { field, details: { city, nights, covered } },
  );

/**
 * The database's refusal of a composition rule (migration 0008: a component outside the stay, two
 * hotels on one night) as the error the code gives for it; null for any other error. The refusal
 * names the component by position, which is its index in the input.
 */
export function componentRuleRefusal(error: unknown, field = 'input.components'): AppError | null {
  if (!(error instanceof Error)) return null;
  const stay = /package_component_within_stay: position=(\d+) nights=(\d+) hotel=(\w+)/.exec(error.message);
  if (stay) return componentOutsideStay(`${field}.${stay[1]}.days`, Number(stay[2]), stay[3]!.startsWith('t'));
  const overlap = /package_component_hotel_nights: position=(\d+) other=(\d+) night=(\d+)/.exec(error.message);
  if (overlap) return componentsOverlap(`${field}.${overlap[1]}`, Number(overlap[2]), Number(overlap[3]), true);
  return null;
}
