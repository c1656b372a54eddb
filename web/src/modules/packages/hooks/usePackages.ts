import {
  PackageApprovalQueueDocument,
  ServicePackagesDocument,
  type PackageRowFragment,
  type ServicePackageFilter,
} from '@/generated/graphql';
import { useConnection } from '@/lib/useConnection';

export type PackageRow = PackageRowFragment;

export function useServicePackages(filter: ServicePackageFilter) {
  return useConnection(ServicePackagesDocument, { filter, first: 50 }, (data) => data.servicePackages);
}

export function usePackageApprovalQueue() {
  return useConnection(PackageApprovalQueueDocument, { first: 50 }, (data) => data.packageApprovalQueue);
}
