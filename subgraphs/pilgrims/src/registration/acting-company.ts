import { isUuid, type EntityManager } from '@umrah/db-kit';
import { AppError, CommonErrorCode, Role, badInput, forbidden, type Viewer } from '@umrah/subgraph-kit';
import { agentMayActFor, companiesMayOperate } from '../standing/standing.service';
import { agentNotContracted, companyMayNotOperate } from './registration.errors';

/** Who registers, and for which company: the rules every registration shares. */
export interface ActingFor {
  companyId: string;
  /** The agent registering, or null for a manager. */
  agentId: string | null;
}

/**
 * The company a caller registers for, after checking the caller may: a manager only for their own
 * company (the default), an agent only for a company it has an agency contract in force with (it
 * must name it). Either way the company's licence must let it take new work.
 */
export async function actingCompany(
  em: EntityManager,
  viewer: Viewer,
  companyId: string | null | undefined,
): Promise<ActingFor> {
  let acting: ActingFor;
  if (viewer.role === Role.COMPANY_MANAGER && viewer.companyId) {
    if (companyId != null && companyId !== viewer.companyId) {
      throw new AppError(
        CommonErrorCode.FORBIDDEN,
        'A manager may only register groups and pilgrims for their own company.',
        {
          field: 'input.companyId',
        },
      );
    }
    acting = { companyId: viewer.companyId, agentId: null };
  } else if (viewer.role === Role.AGENT && viewer.agentId) {
    if (companyId == null) throw badInput('input.companyId', 'Name the company you register for.');
    if (!isUuid(companyId)) throw agentNotContracted();
    if (!(await agentMayActFor(em, companyId, viewer.agentId))) throw agentNotContracted();
    acting = { companyId, agentId: viewer.agentId };
  } else {
    throw forbidden();
  }
  const mayOperate = await companiesMayOperate(em, [acting.companyId]);
  if (!mayOperate.get(acting.companyId)) throw companyMayNotOperate();
  return acting;
}
