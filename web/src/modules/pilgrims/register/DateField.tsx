import { Form, Input, type FormItemProps } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DualDate } from '@/lib/DualDate';
import { parseIsoDate } from '@/lib/dates';

interface DateFieldProps extends Pick<FormItemProps, 'label' | 'rules' | 'dependencies' | 'validateStatus' | 'help'> {
  name: string;
  /** Earliest and latest days the picker offers (YYYY-MM-DD). */
  min?: string;
  max?: string;
  /** A rule to show beneath the field, after the day in both calendars. */
  hint?: ReactNode;
}

/**
 * A Gregorian date picker (passports print Gregorian dates) that shows the chosen day in Umm
 * al-Qura Hijri and Gregorian beneath it, so both calendars can be checked at a glance.
 */
export function DateField({ name, min, max, hint, ...item }: DateFieldProps) {
  const { t } = useTranslation();
  const value = Form.useWatch<string | undefined>(name);
  const valid = value ? parseIsoDate(value) !== null : false;
  // No empty "extra" line: antd would still reserve its height under the field.
  const extra =
    valid || hint ? (
      <span className="date-field__extra">
        {valid ? (
          <span className="date-field__dual">
            <span className="sr-only">{t('registerPilgrim.chosenDay')} </span>
            <DualDate value={value} inline />
          </span>
        ) : null}
        {hint ? <span className="date-field__hint">{hint}</span> : null}
      </span>
    ) : undefined;
  return (
    <Form.Item {...item} name={name} extra={extra}>
      <Input type="date" dir="ltr" min={min} max={max} className="date-field__input" />
    </Form.Item>
  );
}
