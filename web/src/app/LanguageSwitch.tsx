import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '@/lib/useLanguage';

/** Names the other language in that language ("English" on the Arabic UI, "العربية" on the English one). */
export function LanguageSwitch({ className }: { className?: string }) {
  const { t } = useTranslation();
  const { language, setLanguage } = useLanguage();
  return (
    <Button
      className={className}
      lang={t('language.switchLang')}
      onClick={() => setLanguage(language === 'ar' ? 'en' : 'ar')}
    >
      {t('language.switch')}
    </Button>
  );
}
