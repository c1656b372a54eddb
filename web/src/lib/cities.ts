import { useTranslation } from 'react-i18next';

/** Cities offered in filters; the API stores a city as its English name. Others show as stored. */
export const KNOWN_CITIES = ['Makkah', 'Madinah', 'Jeddah', 'Riyadh', 'Taif', 'Dammam'] as const;
export type KnownCity = (typeof KNOWN_CITIES)[number];

export function isKnownCity(city: string): city is KnownCity {
  return (KNOWN_CITIES as readonly string[]).includes(city);
}

export function useCityName(): (city: string) => string {
  const { t } = useTranslation();
  return (city) => (isKnownCity(city) ? t(`cities.${city}`) : city);
}
