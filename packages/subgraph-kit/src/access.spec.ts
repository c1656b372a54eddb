import { describe, expect, it } from 'vitest';
import { scopeAllows } from './access';
import { Role, type Viewer } from './auth';

const viewer = (scopes: string[]): Viewer => ({
  accountId: 'a',
  role: Role.COMPANY_MANAGER,
  companyId: 'c',
  agentId: null,
  providerId: null,
  scopes,
});

describe('scopes of third-party client tokens', () => {
  it('lets a person (no scopes) read and write as the role allows', () => {
    expect(scopeAllows(viewer([]), false)).toBe(true);
    expect(scopeAllows(viewer([]), true)).toBe(true);
  });

  it('lets a READ client query but not mutate, and a WRITE-only client mutate but not query', () => {
    expect(scopeAllows(viewer(['READ']), false)).toBe(true);
    expect(scopeAllows(viewer(['READ']), true)).toBe(false);
    expect(scopeAllows(viewer(['WRITE']), true)).toBe(true);
    expect(scopeAllows(viewer(['WRITE']), false)).toBe(false);
  });
});
