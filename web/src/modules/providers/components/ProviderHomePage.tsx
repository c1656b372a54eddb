import { Descriptions, Empty } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageLoading } from '@/app/PageLoading';
import { useCityName } from '@/lib/cities';
import { PageHeader } from '@/lib/PageHeader';
import { QueryError } from '@/lib/QueryError';
import { SectionCard } from '@/lib/SectionCard';
import { useDocumentTitle } from '@/lib/useDocumentTitle';
import { localized, useLanguage } from '@/lib/useLanguage';
import { useProviderProfile } from '../hooks/useProviderProfile';

/** A service provider's home: who they are as the ministry and Maqam know them. */
export function ProviderHomePage() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const cityName = useCityName();
  const { provider, hasData, loading, error, refetch } = useProviderProfile();
  const name = provider ? localized(language, provider.nameAr, provider.nameEn) : null;
  useDocumentTitle(name ?? t('nav.provider'));

  if (loading && !hasData) return <PageLoading />;
  if (!provider) {
    return (
      <>
        <PageHeader title={t('nav.provider')} />
        {error ? <QueryError error={error} onRetry={refetch} /> : <Empty description={t('provider.noProvider')} />}
      </>
    );
  }
  return (
    <>
      <PageHeader title={name} subtitle={t(`providerKind.${provider.kind}`)} />
      <SectionCard title={t('provider.profile')}>
        <Descriptions
          column={{ xs: 1, md: 2 }}
          items={[
            { key: 'nameAr', label: t('provider.nameAr'), children: <span lang="ar">{provider.nameAr}</span> },
            { key: 'nameEn', label: t('provider.nameEn'), children: <span lang="en">{provider.nameEn}</span> },
            { key: 'kind', label: t('provider.kind'), children: t(`providerKind.${provider.kind}`) },
            { key: 'city', label: t('provider.city'), children: cityName(provider.city) },
            { key: 'license', label: t('provider.licenseNumber'), children: <bdi>{provider.licenseNumber}</bdi> },
          ]}
        />
      </SectionCard>
    </>
  );
}
