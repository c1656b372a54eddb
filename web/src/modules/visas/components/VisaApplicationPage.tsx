import { Alert, Col, Empty, Row, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isReadOnly } from '@/app/navigation';
import { PageLoading } from '@/app/PageLoading';
import { useViewer } from '@/app/ViewerContext';
import { PageHeader } from '@/lib/PageHeader';
import { QueryError } from '@/lib/QueryError';
import { StatusTag } from '@/lib/StatusTag';
import { useDocumentTitle } from '@/lib/useDocumentTitle';
import { localized, useLanguage } from '@/lib/useLanguage';
import { VisaStatusTag } from '@/modules/pilgrims/components/VisaStatusTag';
import { useVisaApplication } from '../hooks/useVisaApplication';
import { VisaActions } from './VisaActions';
import { VisaBookingCard } from './VisaBookingCard';
import { VisaFacts } from './VisaFacts';
import { VisaParties } from './VisaParties';
import { VisaProgress } from './VisaProgress';
import { VisaTimeline } from './VisaTimeline';
import './visas.css';

/**
 * One visa application: its progress (followed live through payment and MOFA), key facts, the
 * pilgrim and parties, the booking approval depends on, the timeline, and the role's actions.
 */
export function VisaApplicationPage() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { id = '' } = useParams();
  const { role } = useViewer();
  const readOnly = isReadOnly(role);
  const { visa, loading, error, refetch } = useVisaApplication(id);
  const name = visa ? localized(language, visa.pilgrim.fullNameAr, visa.pilgrim.fullNameEn) : null;
  useDocumentTitle(name ? `${t('visas.detail.title')} — ${name}` : t('visas.detail.title'));
  // The booking is the ministry's and the company's to read; an agent's request would only be refused.
  const showBooking = role !== 'AGENT';

  const back = (
    <p className="back-link">
      <Link to="/visas">{t('visas.detail.back')}</Link>
    </p>
  );

  if (loading && !visa) return <PageLoading />;
  if (!visa) {
    return (
      <>
        {back}
        <PageHeader title={t('visas.detail.title')} />
        {error ? (
          <QueryError error={error} onRetry={() => void refetch()} />
        ) : (
          <Empty description={t('visas.detail.notFound')} />
        )}
      </>
    );
  }

  return (
    <>
      {back}
      <PageHeader
        title={name}
        tags={
          <Space>
            <VisaStatusTag status={visa.status} />
            {readOnly && <StatusTag tone="info">{t('common.readOnly')}</StatusTag>}
          </Space>
        }
        subtitle={t('visas.detail.subtitle', { passport: visa.pilgrim.passportNumber, season: visa.season })}
      />
      {readOnly && <Alert className="page-alert" type="info" showIcon title={t('visas.readOnlyNotice')} />}
      {/* A failed poll keeps the last answer on screen and says so. */}
      {error && <QueryError error={error} onRetry={() => void refetch()} />}
      <VisaActions visa={visa} />
      <Row gutter={[16, 16]}>
        <Col span={24}>
          <VisaProgress visa={visa} />
        </Col>
        <Col span={24}>
          <VisaFacts visa={visa} />
        </Col>
        <Col xs={24} xl={showBooking ? 12 : 24}>
          <VisaParties visa={visa} />
        </Col>
        {showBooking && (
          <Col xs={24} xl={12}>
            <VisaBookingCard pilgrimId={visa.pilgrim.id} status={visa.status} />
          </Col>
        )}
        <Col span={24}>
          <VisaTimeline visa={visa} />
        </Col>
      </Row>
    </>
  );
}
