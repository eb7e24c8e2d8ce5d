import { describe, expect, it } from 'vitest';
import { isDomainError } from '../errors/domain-error.js';
import {
  assertVersionEditable,
  importOver,
  releaseVersion,
  type FrameworkVersionState,
} from './framework-lifecycle.js';

const draft: FrameworkVersionState = { id: 'v1', key: 'zerodock', label: '2026.2', released: false, checksum: 'a' };
const released: FrameworkVersionState = { ...draft, released: true };

function codeOf(work: () => unknown): string {
  try {
    work();
    return 'ok';
  } catch (error) {
    return isDomainError(error) ? error.code : String(error);
  }
}

describe('the framework version lifecycle', () => {
  it('lets a draft change and be released, once', () => {
    expect(codeOf(() => assertVersionEditable(draft))).toBe('ok');
    const now = new Date('2026-09-01T00:00:00Z');
    expect(releaseVersion(draft, now)).toEqual({ released: true, releasedAt: now });
    expect(codeOf(() => releaseVersion(released, now))).toBe('VERSION_RELEASED');
  });

  it('never lets a released version change', () => {
    expect(codeOf(() => assertVersionEditable(released))).toBe('VERSION_RELEASED');
  });

  it('makes imports idempotent, replaces a draft and refuses other content for a released version', () => {
    expect(importOver(draft, 'a')).toBe('unchanged');
    expect(importOver(released, 'a')).toBe('unchanged');
    expect(importOver(draft, 'b')).toBe('replace');
    expect(codeOf(() => importOver(released, 'b'))).toBe('VERSION_RELEASED');
  });
});
