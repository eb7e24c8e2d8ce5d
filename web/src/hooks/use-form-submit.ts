import type { FormInstance } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorField } from '../api/error-field.js';
import { translateError } from '../i18n/translate-error.js';

/**
 * Submits a form to the API: tracks `submitting`, shows an error about one of `fields` at that field and any
 * other error in `error` (for an alert above the form). `fieldMessage` may replace the message shown at a field.
 * Fields inside lists are named with `*` for the index (`requirements.*.weight`); see `errorField`.
 */
export function useFormSubmit<Values, Field extends string>(
  form: FormInstance<Values>,
  fields: readonly Field[],
  action: (values: Values) => Promise<void>,
  fieldMessage?: (failure: unknown, field: Field) => string | undefined,
) {
  const { t } = useTranslation();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function submit(values: Values): Promise<void> {
    setSubmitting(true);
    setError(null);
    try {
      await action(values);
    } catch (failure) {
      const match = errorField(failure, fields);
      if (match) {
        const text = fieldMessage?.(failure, match.field) ?? translateError(t, failure, { atField: true });
        form.setFields([{ name: match.path as never, errors: [text] }]);
      } else {
        setError(failure);
      }
    } finally {
      setSubmitting(false);
    }
  }

  return { submit, submitting, error, clearError: () => setError(null) };
}
