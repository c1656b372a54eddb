import { useTranslation } from 'react-i18next';
import type { ProviderInventoryQuery } from '@/generated/graphql';
import { formatDual } from '@/lib/dates';
import { formatNumber, formatSar } from '@/lib/money';
import { localized, useLanguage } from '@/lib/useLanguage';
import { monthWeeks } from '../lib/monthGrid';

type Availability = ProviderInventoryQuery['availability']['edges'][number]['node'];

/** One item's month: each day's free places out of its capacity, reserved places and price. */
export function InventoryCalendar({ availability, month }: { availability: Availability; month: string }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const byDay = new Map(availability.days.map((d) => [d.day, d]));
  const weeks = monthWeeks(month);
  // Weekday names from a known Sunday (2026-11-01).
  const weekdays = Array.from({ length: 7 }, (_, i) =>
    new Intl.DateTimeFormat(language === 'ar' ? 'ar-SA-u-ca-gregory' : 'en-GB', {
      weekday: 'short',
      timeZone: 'UTC',
    }).format(new Date(Date.UTC(2026, 10, 1 + i, 12))),
  );
  const name = localized(language, availability.item.nameAr, availability.item.nameEn);
  return (
    <div className="table-scroll" role="region" aria-label={t('maqam.calendarOf', { name })} tabIndex={0}>
      <table className="inventory-calendar">
        <caption className="sr-only">{t('maqam.calendarOf', { name })}</caption>
        <thead>
          <tr>
            {weekdays.map((w) => (
              <th key={w} scope="col">
                {w}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={week.find(Boolean) ?? 'pad'}>
              {week.map((day, i) => {
                if (!day) return <td key={`pad-${i}`} className="inventory-calendar__pad" />;
                const info = byDay.get(day);
                const { hijri, gregorian } = formatDual(day, language, { month: 'short' });
                return (
                  <td
                    key={day}
                    className={
                      info ? (info.available === 0 ? 'inventory-calendar__full' : '') : 'inventory-calendar__closed'
                    }
                  >
                    <div className="inventory-calendar__date">
                      <time dateTime={day}>{gregorian}</time>
                      <span className="dual-date__secondary">{hijri}</span>
                    </div>
                    {info ? (
                      <dl className="inventory-calendar__facts">
                        <dt>{t('maqam.capacity')}</dt>
                        <dd>{formatNumber(info.capacity, language)}</dd>
                        <dt>{t('maqam.reserved')}</dt>
                        <dd>{formatNumber(info.reserved, language)}</dd>
                        <dt>{t('maqam.price')}</dt>
                        <dd>{formatSar(info.priceHalalas, language)}</dd>
                      </dl>
                    ) : (
                      <span className="inventory-calendar__none">{t('maqam.closed')}</span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
