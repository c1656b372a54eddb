import { PageArgs, Role, requireViewer, type SubgraphContext, type WorkerSet } from '@umrah/subgraph-kit';
import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';
import { agentRef, ExternalAgent } from '../agent/agent.type';
import { Company, companyRef } from '../company/company.type';
import { webhookConfig } from './webhook.config';
import { CreateWebhookSubscriptionInput, UpdateWebhookSubscriptionInput } from './webhook.inputs';
import {
  ATTEMPTS_SHOWN,
  MAX_SUBSCRIPTIONS_PER_PARTY,
  attemptsOfDeliveries,
  createSubscription,
  deleteSubscription,
  listDeliveries,
  listSubscriptions,
  redeliver,
  rotateSecret,
  updateSubscription,
} from './webhook.service';
import {
  CreateWebhookSubscriptionPayload,
  RotateWebhookSecretPayload,
  WebhookAttempt,
  WebhookDelivery,
  WebhookDeliveryConnection,
  WebhookDeliveryStatus,
  WebhookSubscription,
  WebhookSubscriptionConnection,
} from './webhook.type';
import { WEBHOOK_SENDER } from './webhook.worker';

/** The request's context, plus the background workers (to send a redelivery at once). */
type WebhookContext = SubgraphContext & { workers?: WorkerSet };

/** Parties that own subscriptions; their API clients act with the same role (READ/WRITE scopes apply). */
const OWNERS = [Role.COMPANY_MANAGER, Role.AGENT];

@Resolver(() => WebhookSubscription)
export class WebhookSubscriptionResolver {
  @Authorized(...OWNERS)
  @Query(() => WebhookSubscriptionConnection, {
    description:
      'Your organisation’s webhook subscriptions, oldest first: a company manager sees the company’s, an agent its own. Signing secrets are never listed. Ministry and provider accounts may not call it.',
  })
  async webhookSubscriptions(
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: SubgraphContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<InstanceType<typeof WebhookSubscriptionConnection>> {
    return (await listSubscriptions(ctx.em, requireViewer(ctx), page, info)) as InstanceType<
      typeof WebhookSubscriptionConnection
    >;
  }

  @Authorized(...OWNERS)
  @Mutation(() => CreateWebhookSubscriptionPayload, {
    description: `Registers an https endpoint for your organisation’s events and returns its signing secret, once. At most ${MAX_SUBSCRIPTIONS_PER_PARTY} subscriptions per company or agent. Fails with WEBHOOK_URL_REFUSED (see \`extensions.details.reason\`) or WEBHOOK_LIMIT_REACHED.`,
  })
  async createWebhookSubscription(
    @Arg('input', () => CreateWebhookSubscriptionInput, { description: 'The endpoint and what to send to it.' })
    input: CreateWebhookSubscriptionInput,
    @Arg('idempotencyKey', () => String, {
      nullable: true,
      description:
        'A key of your choosing (1 to 200 characters) that makes a retried call safe: the same key from the same account returns the subscription of the first call (without its secret) instead of creating another.',
    })
    idempotencyKey: string | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<CreateWebhookSubscriptionPayload> {
    return createSubscription(ctx.em, requireViewer(ctx), input, idempotencyKey, webhookConfig());
  }

  @Authorized(...OWNERS)
  @Mutation(() => WebhookSubscription, {
    description:
      'Changes a subscription’s URL, note or event kinds, or pauses (`active: false`) and resumes it. A new URL applies to retries of deliveries already queued.',
  })
  async updateWebhookSubscription(
    @Arg('id', () => ID, { description: 'The subscription.' }) id: string,
    @Arg('input', () => UpdateWebhookSubscriptionInput, { description: 'What to change.' })
    input: UpdateWebhookSubscriptionInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<WebhookSubscription> {
    return updateSubscription(ctx.em, requireViewer(ctx), id, input, webhookConfig());
  }

  @Authorized(...OWNERS)
  @Mutation(() => RotateWebhookSecretPayload, {
    description:
      'Replaces a subscription’s signing secret and returns the new one, once. The old secret stops signing at once, for retries of earlier events too.',
  })
  async rotateWebhookSecret(
    @Arg('id', () => ID, { description: 'The subscription.' }) id: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<RotateWebhookSecretPayload> {
    return rotateSecret(ctx.em, requireViewer(ctx), id, webhookConfig());
  }

  @Authorized(...OWNERS)
  @Mutation(() => ID, {
    description:
      'Deletes a subscription, its queued deliveries and their log; nothing more is sent to it. Returns the id deleted.',
  })
  async deleteWebhookSubscription(
    @Arg('id', () => ID, { description: 'The subscription.' }) id: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<string> {
    return deleteSubscription(ctx.em, requireViewer(ctx), id);
  }

  @FieldResolver(() => Company, { nullable: true, description: 'The company that owns it; null for an agent’s.' })
  company(@Root() subscription: WebhookSubscription): Company | null {
    return subscription.companyId ? companyRef(subscription.companyId) : null;
  }

  @FieldResolver(() => ExternalAgent, { nullable: true, description: 'The agent that owns it; null for a company’s.' })
  agent(@Root() subscription: WebhookSubscription): ExternalAgent | null {
    return subscription.agentId ? agentRef(subscription.agentId) : null;
  }
}

@Resolver(() => WebhookDelivery)
export class WebhookDeliveryResolver {
  @Authorized(...OWNERS)
  @Query(() => WebhookDeliveryConnection, {
    description:
      'The deliveries of one of your subscriptions, newest first, with their attempts: the log to see what your endpoint received and answered.',
  })
  async webhookDeliveries(
    @Arg('subscriptionId', () => ID, { description: 'One of your subscriptions.' }) subscriptionId: string,
    @Arg('status', () => WebhookDeliveryStatus, {
      nullable: true,
      description: 'Only deliveries in this state; all when left out.',
    })
    status: WebhookDeliveryStatus | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: SubgraphContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<InstanceType<typeof WebhookDeliveryConnection>> {
    return (await listDeliveries(ctx.em, requireViewer(ctx), subscriptionId, status, page, info)) as InstanceType<
      typeof WebhookDeliveryConnection
    >;
  }

  @Authorized(...OWNERS)
  @Mutation(() => WebhookDelivery, {
    description:
      'Sends a delivered or failed delivery once more, within seconds: the same event id and body, newly signed, as one further attempt without automatic retries. Refused with WEBHOOK_DELIVERY_IN_PROGRESS while it is still pending.',
  })
  async redeliverWebhook(
    @Arg('deliveryId', () => ID, { description: 'One of your subscriptions’ deliveries.' }) deliveryId: string,
    @Ctx() ctx: WebhookContext,
  ): Promise<WebhookDelivery> {
    const delivery = await redeliver(ctx.em, requireViewer(ctx), deliveryId);
    ctx.workers?.wake(WEBHOOK_SENDER);
    return delivery;
  }

  @FieldResolver(() => [WebhookAttempt], {
    description: `The delivery’s attempts, oldest first (at most the latest ${ATTEMPTS_SHOWN}).`,
  })
  async attempts(@Root() delivery: WebhookDelivery, @Ctx() ctx: SubgraphContext): Promise<WebhookAttempt[]> {
    return ctx.loaders
      .get<string, WebhookAttempt[]>('WebhookDelivery.attempts', (ids) => attemptsOfDeliveries(ctx.em, ids))
      .load(delivery.id);
  }
}
