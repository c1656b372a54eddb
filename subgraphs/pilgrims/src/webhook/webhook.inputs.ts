import { Field, InputType } from 'type-graphql';
import { WebhookEventType } from './webhook.type';

@InputType('CreateWebhookSubscriptionInput', { description: 'A new endpoint to receive events.' })
export class CreateWebhookSubscriptionInput {
  @Field(() => String, {
    description:
      'Where to POST events: an https URL of at most 2,000 characters, on a public host, without user name, password or `#` fragment.',
  })
  url!: string;

  @Field(() => String, { nullable: true, description: 'Your own note on the endpoint, 1 to 200 characters.' })
  description?: string | null;

  @Field(() => [WebhookEventType], {
    defaultValue: [WebhookEventType.VISA_STATUS_CHANGED],
    description: 'The kinds of events to receive; at least one.',
  })
  eventTypes!: WebhookEventType[];
}

@InputType('UpdateWebhookSubscriptionInput', {
  description: 'Changes to a subscription; a field left out stays as it is.',
})
export class UpdateWebhookSubscriptionInput {
  @Field(() => String, { nullable: true, description: 'A new https URL, under the same rules as on creation.' })
  url?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'A new note, 1 to 200 characters; an empty string removes it.',
  })
  description?: string | null;

  @Field(() => [WebhookEventType], { nullable: true, description: 'The kinds of events to receive; at least one.' })
  eventTypes?: WebhookEventType[] | null;

  @Field(() => Boolean, { nullable: true, description: 'False pauses the subscription, true resumes it.' })
  active?: boolean | null;
}
