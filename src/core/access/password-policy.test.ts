import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors/domain-error.js';
import { assertPasswordAcceptable } from './password-policy.js';

function ruleOf(password: string, email = 'li.na@college.edu.cn'): string | null {
  try {
    assertPasswordAcceptable(password, email);
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return String((error as DomainError).details.rule);
  }
}

describe('assertPasswordAcceptable', () => {
  it('accepts long passwords, Chinese ones included', () => {
    expect(ruleOf('correct horse battery')).toBeNull();
    expect(ruleOf('零距离对接零公里就业')).toBeNull();
  });
  it('names the rule that failed', () => {
    expect(ruleOf('short')).toBe('min_length');
    expect(ruleOf('x'.repeat(300))).toBe('max_length');
    expect(ruleOf('li.na@college.edu.cn')).toBe('not_email');
    expect(ruleOf('aaaaaaaaaaaa')).toBe('variety');
  });
  it('counts characters, not UTF-16 units', () => {
    expect(ruleOf('零距离对接零公里就')).toBe('min_length');
  });
});
