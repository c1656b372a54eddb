import { useTranslation } from 'react-i18next';
import { formatDual, parseIsoDate, type DateFormatOptions } from './dates';
import { currentLanguage } from './useLanguage';

interface DualDateProps extends DateFormatOptions {
  /** A GraphQL Date (YYYY-MM-DD) or DateTime (ISO-8601) value. */
  value: string | null | undefined;
  /** One line ("Hijri · Gregorian") for table cells; two lines otherwise. */
  inline?: boolean;
}

/** A date in Umm al-Qura Hijri with its Gregorian equivalent, both on the Riyadh clock. */
export function DualDate({ value, inline = false, ...options }: DualDateProps) {
  const { i18n } = useTranslation();
  if (!value) return <span>—</span>;
  const date = parseIsoDate(value);
  if (!date) return <span>{value}</span>;
  const { hijri, gregorian } = formatDual(value, currentLanguage(i18n), options);
  const dateTime = options.withTime ? date.toISOString() : value;
  if (inline) {
    return (
      <time dateTime={dateTime}>
        {hijri} <span className="dual-date__secondary">({gregorian})</span>
      </time>
    );
  }
  return (
    <time dateTime={dateTime} className="dual-date">
      <span>{hijri}</span>
      <span className="dual-date__secondary">{gregorian}</span>
    </time>
  );
}
