import { describe, expect, it } from 'vitest';
import { agentActionsFor } from './agentActions';

describe('agent actions offered to an officer', () => {
  it.each([
    ['PENDING', ['approve']],
    ['ACTIVE', ['suspend']],
    ['SUSPENDED', ['reinstate']],
  ] as const)('%s offers %j', (status, actions) => {
    expect(agentActionsFor(status)).toEqual(actions);
  });
});
