import { Role, requireViewer, type SubgraphContext } from '@umrah/subgraph-kit';
import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { Pilgrim } from '../pilgrim/pilgrim.type';
import { RegisterPilgrimInput } from './registration.inputs';
import { registerPilgrim } from './registration.service';

@Resolver()
export class RegistrationResolver {
  @Authorized(Role.COMPANY_MANAGER, Role.AGENT)
  @Mutation(() => Pilgrim, {
    description:
      'Registers one pilgrim in the current season: a manager for their own company, an agent for a company it has an agency contract in force with. Refused when the company’s licence is not active, the passport expires less than six months after departure, the MRZ does not check out or disagrees with the typed fields, or the passport is already registered this season.',
  })
  async registerPilgrim(
    @Arg('input', () => RegisterPilgrimInput, { description: 'The pilgrim, as written in the passport.' })
    input: RegisterPilgrimInput,
    @Arg('idempotencyKey', () => String, {
      nullable: true,
      description:
        'A key of your choosing (1 to 200 characters) that makes a retried call safe: the same key from the same account returns the pilgrim of the first call instead of registering again.',
    })
    idempotencyKey: string | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Pilgrim> {
    return registerPilgrim(ctx.em, requireViewer(ctx), input, idempotencyKey);
  }
}
