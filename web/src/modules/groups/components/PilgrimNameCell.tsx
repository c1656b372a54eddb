import { useLanguage } from '@/lib/useLanguage';

/** A pilgrim's four-part name in the UI language, with the other script beneath it. */
export function PilgrimNameCell({ nameAr, nameEn }: { nameAr: string; nameEn: string }) {
  const { language } = useLanguage();
  const primary = language === 'ar' ? nameAr || nameEn : nameEn || nameAr;
  const secondary = language === 'ar' ? nameEn : nameAr;
  return (
    <div className="two-line">
      <span>{primary}</span>
      {secondary && secondary !== primary && (
        <span
          className="two-line__secondary"
          lang={language === 'ar' ? 'en' : 'ar'}
          dir={language === 'ar' ? 'ltr' : 'rtl'}
        >
          {secondary}
        </span>
      )}
    </div>
  );
}
