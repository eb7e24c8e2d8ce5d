import { describe, expect, it } from 'vitest';
import { ApiError } from './api-error.js';
import { errorField, toFieldPath } from './error-field.js';

const invalid = (field: unknown) => new ApiError('VALIDATION_FAILED', 'bad', 400, { field });

describe('the form field an API error is about', () => {
  it('turns both ways of naming a list item into one path', () => {
    expect(toFieldPath('requirements[2].level')).toEqual(['requirements', 2, 'level']);
    expect(toFieldPath('requirements.2.level')).toEqual(['requirements', 2, 'level']);
    expect(toFieldPath('labelZh')).toEqual(['labelZh']);
    expect(toFieldPath('')).toEqual([]);
  });

  it('matches a field, or shows an error inside one at that field', () => {
    expect(errorField(invalid('labelZh'), ['labelZh', 'labelEn'])).toEqual({ field: 'labelZh', path: ['labelZh'] });
    expect(errorField(invalid('aliasesZh.3'), ['aliasesZh'])).toEqual({ field: 'aliasesZh', path: ['aliasesZh'] });
  });

  it('lets `*` stand for a list index only, and prefers the longest match', () => {
    const fields = ['requirements', 'requirements.*.level'] as const;
    expect(errorField(invalid('requirements[1].level'), fields)).toEqual({
      field: 'requirements.*.level',
      path: ['requirements', 1, 'level'],
    });
    expect(errorField(invalid('requirements.x.level'), ['requirements.*.level'])).toBeUndefined();
  });

  it('finds nothing for other errors, other fields or no field', () => {
    expect(errorField(new Error('boom'), ['labelZh'])).toBeUndefined();
    expect(errorField(invalid(undefined), ['labelZh'])).toBeUndefined();
    expect(errorField(invalid(42), ['labelZh'])).toBeUndefined();
    expect(errorField(invalid('key'), ['label'])).toBeUndefined();
  });
});
