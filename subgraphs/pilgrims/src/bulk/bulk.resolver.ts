import { Role, requireViewer, type SubgraphContext } from '@umrah/subgraph-kit';
import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { MAX_PILGRIMS_PER_CALL, RegisterPilgrimsInput } from './bulk.inputs';
import { registerPilgrims } from './bulk.service';
import { BulkRegistrationResult } from './bulk.type';

@Resolver()
export class BulkRegistrationResolver {
  @Authorized(Role.COMPANY_MANAGER, Role.AGENT)
  @Mutation(() => BulkRegistrationResult, {
    description: `Registers up to ${MAX_PILGRIMS_PER_CALL} pilgrims in the current season in one call, for one company: a manager for their own company, an agent for a company it has an agency contract in force with. Each row follows the rules of \`registerPilgrim\`; good rows are registered (each with its \`PilgrimRegistered\` event) and bad rows reported with the same codes and sentences, including a passport repeated in the list or already registered. The whole call is refused (nothing registered) when the caller may not register for the company, the company's licence is not active, the group is not one the caller may use, or the list is empty or too long.`,
  })
  async registerPilgrims(
    @Arg('input', () => RegisterPilgrimsInput, { description: 'The company, optional group, and the pilgrims.' })
    input: RegisterPilgrimsInput,
    @Arg('idempotencyKey', () => String, {
      nullable: true,
      description:
        'A key of your choosing (1 to 200 characters) that makes a retried call safe: the same key from the same account returns the answer of the first call instead of registering again; the same key with a different list is refused with IDEMPOTENCY_KEY_REUSED.',
    })
    idempotencyKey: string | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<BulkRegistrationResult> {
    return registerPilgrims(ctx.em, requireViewer(ctx), input, idempotencyKey);
  }
}
