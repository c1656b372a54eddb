import { useQuery } from '@apollo/client/react';
import { Alert, Col, Descriptions, Empty, Row, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isReadOnly } from '@/app/navigation';
import { PageLoading } from '@/app/PageLoading';
import { useViewer } from '@/app/ViewerContext';
import { ExternalAgentDocument } from '@/generated/graphql';
import { countryName } from '@/lib/countries';
import { DualDate } from '@/lib/DualDate';
import { formatCount, formatNumber } from '@/lib/money';
import { PageHeader } from '@/lib/PageHeader';
import { QueryError } from '@/lib/QueryError';
import { SectionCard } from '@/lib/SectionCard';
import { StatusTag } from '@/lib/StatusTag';
import { useDocumentTitle } from '@/lib/useDocumentTitle';
import { useLanguage } from '@/lib/useLanguage';
import { ContractsTable } from '@/modules/contracts/components/ContractsTable';
import { AgentActions } from './AgentActions';
import { AgentStatusTag } from './AgentStatusTag';

/** One external agent: registry entry, standing (rating, violations, complaints) and contracts. */
export function AgentPage() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { id = '' } = useParams();
  const { role } = useViewer();
  const readOnly = isReadOnly(role);
  const { data, loading, error, refetch } = useQuery(ExternalAgentDocument, { variables: { id } });
  const agent = data?.externalAgent ?? null;
  useDocumentTitle(agent?.name ?? t('agents.agent'));

  const back = (
    <p className="back-link">
      <Link to="/agents">{t('agents.back')}</Link>
    </p>
  );
  if (loading && !data) return <PageLoading />;
  if (!agent) {
    return (
      <>
        {back}
        <PageHeader title={t('agents.agent')} />
        {error ? (
          <QueryError error={error} onRetry={() => void refetch()} />
        ) : (
          <Empty description={t('agents.notFound')} />
        )}
      </>
    );
  }
  const contracts = agent.contracts?.edges.map((edge) => edge.node) ?? [];
  return (
    <>
      {back}
      <PageHeader
        title={<span dir="auto">{agent.name}</span>}
        tags={
          <Space>
            <AgentStatusTag status={agent.status} />
            {readOnly && <StatusTag tone="info">{t('common.readOnly')}</StatusTag>}
          </Space>
        }
        subtitle={countryName(agent.countryCode, language)}
      />
      {error && <QueryError error={error} onRetry={() => void refetch()} />}
      {agent.status === 'SUSPENDED' && (
        <Alert className="page-alert" type="warning" showIcon title={t('agents.suspendedNotice')} />
      )}
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <SectionCard title={t('agents.details')}>
            <Descriptions
              column={1}
              size="small"
              items={[
                { key: 'country', label: t('agents.country'), children: countryName(agent.countryCode, language) },
                { key: 'license', label: t('agents.homeLicense'), children: <bdi>{agent.homeLicenseNumber}</bdi> },
                {
                  key: 'email',
                  label: t('companyForm.contactEmail'),
                  children: agent.contactEmail ? (
                    <a href={`mailto:${agent.contactEmail}`} dir="ltr">
                      {agent.contactEmail}
                    </a>
                  ) : (
                    '—'
                  ),
                },
                {
                  key: 'phone',
                  label: t('companyForm.contactPhone'),
                  children: agent.contactPhone ? <bdi>{agent.contactPhone}</bdi> : '—',
                },
              ]}
            />
          </SectionCard>
        </Col>
        <Col xs={24} lg={12}>
          <SectionCard title={t('agents.standing')} extra={<AgentStatusTag status={agent.status} />}>
            <Descriptions
              column={1}
              size="small"
              items={[
                { key: 'status', label: t('agents.status'), children: <AgentStatusTag status={agent.status} /> },
                ...(agent.suspendedUntil
                  ? [
                      {
                        key: 'until',
                        label: t('agents.suspendedUntil'),
                        children: <DualDate value={agent.suspendedUntil} />,
                      },
                    ]
                  : []),
                {
                  key: 'rating',
                  label: t('agents.rating'),
                  children: agent.rating === null ? t('agents.notRated') : formatNumber(agent.rating, language),
                },
                {
                  key: 'violations',
                  label: t('agents.violations'),
                  children: formatCount(agent.violationsCount, language),
                },
                {
                  key: 'complaints',
                  label: t('agents.complaints'),
                  children: formatCount(agent.complaintsCount, language),
                },
              ]}
            />
            {role === 'MINISTRY_OFFICER' && (
              <div className="license-card__actions">
                <AgentActions agentId={agent.id} name={agent.name} status={agent.status} />
              </div>
            )}
          </SectionCard>
        </Col>
        <Col span={24}>
          <SectionCard title={t('agents.contracts', { count: agent.contracts?.totalCount ?? 0 })}>
            <ContractsTable
              label={t('agents.contractsLabel')}
              rows={contracts}
              emptyText={t('agents.noContracts')}
              hide="agent"
            />
          </SectionCard>
        </Col>
      </Row>
    </>
  );
}
