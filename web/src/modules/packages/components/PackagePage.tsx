import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Descriptions, Empty, Modal, Space, Timeline } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { PageLoading } from '@/app/PageLoading';
import { isReadOnly } from '@/app/navigation';
import { useViewer } from '@/app/ViewerContext';
import {
  ApproveServicePackageDocument,
  CreateServicePackageDocument,
  RejectServicePackageDocument,
  ServicePackageDocument,
  SubmitServicePackageDocument,
  UpdateServicePackageDocument,
  type PackageDetailFragment,
  type ServicePackageInput,
} from '@/generated/graphql';
import { ActionError } from '@/lib/ActionError';
import { DataTable } from '@/lib/DataTable';
import { DualDate } from '@/lib/DualDate';
import { formatSar } from '@/lib/money';
import { PageHeader } from '@/lib/PageHeader';
import { QueryError } from '@/lib/QueryError';
import { ReasonDialog } from '@/lib/ReasonDialog';
import { SectionCard } from '@/lib/SectionCard';
import { StatusTag } from '@/lib/StatusTag';
import { todayInRiyadh } from '@/lib/today';
import { useCityName } from '@/lib/cities';
import { useDocumentTitle } from '@/lib/useDocumentTitle';
import { localized, useLanguage } from '@/lib/useLanguage';
import { addDays, type PackageFormValues } from '../lib/packageForm';
import { PackageBuilder } from './PackageBuilder';
import { PackageStatusTag } from './PackageStatusTag';
import './maqam.css';

type Component = PackageDetailFragment['components'][number];

/** A new package: the builder alone; saving creates a draft and opens its page. */
export function NewPackagePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  useDocumentTitle(t('maqam.newPackage'));
  const [create] = useMutation(CreateServicePackageDocument);
  const today = todayInRiyadh();
  const initial: PackageFormValues = {
    nameAr: '',
    nameEn: '',
    priceSar: '',
    makkahNights: 4,
    madinahNights: 3,
    saleStartsOn: addDays(today, 7),
    saleEndsOn: addDays(today, 60),
    components: [],
  };
  const save = async (input: ServicePackageInput) => {
    const result = await create({ variables: { input } });
    const id = result.data?.createServicePackage.id;
    if (id) void navigate(`/packages/${id}`);
  };
  return (
    <>
      <PageHeader title={t('maqam.newPackage')} subtitle={t('maqam.newPackageHelp')} />
      <PackageBuilder initial={initial} onSave={save} onCancel={() => void navigate('/packages')} />
    </>
  );
}

/** One package: its content, history and the step the viewer may take (edit, submit, decide). */
export function PackagePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { data, loading, error, refetch } = useQuery(ServicePackageDocument, { variables: { id } });
  const pkg = data?.servicePackage ?? null;
  useDocumentTitle(pkg ? localized(language, pkg.nameAr, pkg.nameEn) : t('nav.packages'));
  if (loading && !data) return <PageLoading />;
  if (!pkg) {
    return (
      <>
        <PageHeader title={t('nav.packages')} />
        {error ? (
          <QueryError error={error} onRetry={() => void refetch()} />
        ) : (
          <Empty description={t('maqam.packageNotFound')} />
        )}
      </>
    );
  }
  return <PackageView pkg={pkg} />;
}

function PackageView({ pkg }: { pkg: PackageDetailFragment }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { role } = useViewer();
  const [editing, setEditing] = useState(false);
  const [rejecting, setRejecting] = useState(false);
  const [approving, setApproving] = useState(false);
  const [actionError, setActionError] = useState<unknown>(null);
  const [update] = useMutation(UpdateServicePackageDocument);
  const [submit, submitState] = useMutation(SubmitServicePackageDocument);
  const [approve, approveState] = useMutation(ApproveServicePackageDocument);
  const [reject] = useMutation(RejectServicePackageDocument);
  const isManager = role === 'COMPANY_MANAGER';
  const isOfficer = role === 'MINISTRY_OFFICER';
  const name = localized(language, pkg.nameAr, pkg.nameEn);

  const run = async (action: () => Promise<unknown>) => {
    setActionError(null);
    try {
      await action();
    } catch (e) {
      setActionError(e);
    }
  };

  return (
    <>
      <PageHeader
        title={name}
        tags={
          <Space>
            <PackageStatusTag status={pkg.status} />
            {isReadOnly(role) && <StatusTag tone="info">{t('common.readOnly')}</StatusTag>}
          </Space>
        }
        subtitle={
          <Link to={isOfficer || role === 'MINISTRY_SUPERVISOR' ? '/package-approvals' : '/packages'}>
            {t('maqam.backToList')}
          </Link>
        }
      />
      {pkg.status === 'REJECTED' && pkg.rejectionReason && (
        <Alert
          type="error"
          showIcon
          className="maqam-gap"
          title={t('maqam.rejectedBecause')}
          description={<span dir="auto">{pkg.rejectionReason}</span>}
        />
      )}
      {actionError !== null && (
        <div className="maqam-gap">
          <ActionError error={actionError} />
        </div>
      )}
      {isManager && !editing && (
        <Space className="maqam-actions">
          <Button onClick={() => setEditing(true)}>{t('maqam.editPackage')}</Button>
          {(pkg.status === 'DRAFT' || pkg.status === 'REJECTED') && (
            <Button
              type="primary"
              loading={submitState.loading}
              onClick={() => void run(() => submit({ variables: { id: pkg.id, expectedVersion: pkg.version } }))}
            >
              {t('maqam.submitForApproval')}
            </Button>
          )}
        </Space>
      )}
      {isOfficer && pkg.status === 'SUBMITTED' && (
        <Space className="maqam-actions">
          <Button type="primary" onClick={() => setApproving(true)}>
            {t('maqam.approve')}
          </Button>
          <Button danger onClick={() => setRejecting(true)}>
            {t('maqam.reject')}
          </Button>
        </Space>
      )}
      {editing && (
        <PackageBuilder
          initial={{
            nameAr: pkg.nameAr,
            nameEn: pkg.nameEn,
            priceSar: (pkg.priceHalalas / 100).toFixed(2),
            makkahNights: pkg.makkahNights,
            madinahNights: pkg.madinahNights,
            saleStartsOn: pkg.saleStartsOn,
            saleEndsOn: pkg.saleEndsOn,
            components: pkg.components.map((c) => ({ itemId: c.item.id, dayOffset: c.dayOffset, days: c.days })),
          }}
          knownItems={pkg.components.map((c) => c.item)}
          warning={pkg.status === 'APPROVED' ? t('maqam.editApprovedWarning') : undefined}
          onSave={async (input) => {
            await update({ variables: { id: pkg.id, input, expectedVersion: pkg.version } });
            setEditing(false);
          }}
          onCancel={() => setEditing(false)}
        />
      )}
      {!editing && <PackageSummary pkg={pkg} />}
      <PackageHistory pkg={pkg} />
      <Modal
        open={approving}
        title={t('maqam.approveTitle')}
        okText={t('maqam.approve')}
        cancelText={t('common.cancel')}
        okButtonProps={{ loading: approveState.loading }}
        onOk={() =>
          void run(() => approve({ variables: { id: pkg.id, expectedVersion: pkg.version } })).then(() =>
            setApproving(false),
          )
        }
        onCancel={() => setApproving(false)}
        destroyOnHidden
      >
        <p>{t('maqam.approveQuestion', { name })}</p>
      </Modal>
      <ReasonDialog
        open={rejecting}
        title={t('maqam.reject')}
        danger
        description={t('maqam.rejectHelp')}
        confirmQuestion={t('maqam.rejectQuestion', { name })}
        onConfirm={({ reason }) => reject({ variables: { id: pkg.id, reason, expectedVersion: pkg.version } })}
        onClose={() => setRejecting(false)}
      />
    </>
  );
}

function PackageSummary({ pkg }: { pkg: PackageDetailFragment }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const cityName = useCityName();
  const columns: ColumnsType<Component> = [
    { key: 'kind', title: t('provider.kind'), render: (_, c) => t(`providerKind.${c.item.kind}`) },
    {
      key: 'item',
      title: t('maqam.service'),
      render: (_, c) => localized(language, c.item.nameAr, c.item.nameEn),
    },
    {
      key: 'provider',
      title: t('maqam.provider'),
      render: (_, c) =>
        `${localized(language, c.item.provider.nameAr, c.item.provider.nameEn)} (${cityName(c.item.provider.city)})`,
    },
    { key: 'offset', title: t('maqam.dayOffset'), align: 'end', dataIndex: 'dayOffset' },
    { key: 'days', title: t('maqam.days'), align: 'end', dataIndex: 'days' },
  ];
  return (
    <>
      <SectionCard title={t('maqam.summary')}>
        <Descriptions
          column={{ xs: 1, md: 2 }}
          items={[
            {
              key: 'company',
              label: t('maqam.company'),
              children: localized(language, pkg.company.nameAr ?? '', pkg.company.nameEn ?? ''),
            },
            { key: 'price', label: t('packages.price'), children: formatSar(pkg.priceHalalas, language) },
            { key: 'makkah', label: t('packages.makkahNights'), children: pkg.makkahNights },
            { key: 'madinah', label: t('packages.madinahNights'), children: pkg.madinahNights },
            { key: 'start', label: t('maqam.saleStartsOn'), children: <DualDate value={pkg.saleStartsOn} /> },
            { key: 'end', label: t('maqam.saleEndsOn'), children: <DualDate value={pkg.saleEndsOn} /> },
            { key: 'version', label: t('maqam.version'), children: pkg.version },
          ]}
        />
      </SectionCard>
      <SectionCard title={t('maqam.components')}>
        <DataTable<Component>
          label={t('maqam.components')}
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={pkg.components}
          locale={{ emptyText: t('maqam.noComponents') }}
        />
      </SectionCard>
    </>
  );
}

function PackageHistory({ pkg }: { pkg: PackageDetailFragment }) {
  const { t } = useTranslation();
  const steps = pkg.statusHistory.edges.map((e) => e.node);
  return (
    <SectionCard title={t('maqam.history')}>
      {steps.length === 0 ? (
        <Empty description={t('maqam.noHistory')} />
      ) : (
        <Timeline
          items={steps.map((step) => ({
            key: step.id,
            content: (
              <div>
                <strong>{t(`maqam.action.${step.action}`)}</strong>{' '}
                <span className="dual-date__secondary">
                  {step.actorRole ? t(`roles.${step.actorRole}`) : ''} · {t('maqam.versionN', { n: step.version })}
                </span>
                <div>
                  <DualDate value={step.at} inline withTime month="short" />
                </div>
                {step.reason && <div dir="auto">{step.reason}</div>}
              </div>
            ),
          }))}
        />
      )}
    </SectionCard>
  );
}
