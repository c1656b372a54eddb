import { AppError, CommonErrorCode } from '@umrah/subgraph-kit';

export const policyChangedMeanwhile = (): AppError =>
  new AppError(
    CommonErrorCode.CONFLICT,
    'Another officer changed the compliance rules at the same moment; read them again and repeat your change.',
  );
