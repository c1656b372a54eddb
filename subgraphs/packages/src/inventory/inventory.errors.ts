import { AppError, CommonErrorCode } from '@umrah/subgraph-kit';

/** Why an inventory change or a reservation is refused; each comes with a sentence a user understands. */
export enum InventoryErrorCode {
  INVENTORY_CODE_TAKEN = 'INVENTORY_CODE_TAKEN',
  NO_INVENTORY_FOR_KIND = 'NO_INVENTORY_FOR_KIND',
  CAPACITY_BELOW_RESERVED = 'CAPACITY_BELOW_RESERVED',
  INVENTORY_UNAVAILABLE = 'INVENTORY_UNAVAILABLE',
}

export const inventoryItemNotFound = (field = 'id'): AppError =>
  new AppError(CommonErrorCode.NOT_FOUND, 'There is no such inventory item of yours.', { field });

export const ownProviderMissing = (): AppError =>
  new AppError(CommonErrorCode.NOT_FOUND, 'Your provider is not in the Maqam registry; ask the ministry.');

export const inventoryCodeTaken = (code: string): AppError =>
  new AppError(InventoryErrorCode.INVENTORY_CODE_TAKEN, `You already have an item with the code ${code}.`, {
    field: 'input.code',
    details: { code },
  });

export const noInventoryForKind = (kind: string): AppError =>
  new AppError(
    InventoryErrorCode.NO_INVENTORY_FOR_KIND,
    `A ${kind} provider has no inventory in Maqam; only hotels, transport, catering, enrichment and insurance do.`,
    { details: { kind } },
  );

export const capacityBelowReserved = (day: string, reserved: number): AppError =>
  new AppError(
    InventoryErrorCode.CAPACITY_BELOW_RESERVED,
    `Bookings already hold ${reserved} places on ${day}; the capacity cannot be set below that.`,
    { field: 'input.capacity', details: { day, reserved } },
  );

export const inventoryUnavailable = (itemName: string, itemId: string, day: string, available: number): AppError =>
  new AppError(
    InventoryErrorCode.INVENTORY_UNAVAILABLE,
    available > 0
      ? `Only ${available} places are left for “${itemName}” on ${day}; choose other dates.`
      : `“${itemName}” has no place left on ${day}; choose other dates.`,
    { field: 'input.startsOn', details: { itemId, day, available } },
  );
