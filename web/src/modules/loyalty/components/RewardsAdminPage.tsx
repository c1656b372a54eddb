import { App, Button } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isReadOnly } from '@/app/navigation';
import { useViewer } from '@/app/ViewerContext';
import { ConnectionSection } from '@/lib/ConnectionSection';
import { downloadCsv, toCsv } from '@/lib/csv';
import { DataTable } from '@/lib/DataTable';
import { DualDate } from '@/lib/DualDate';
import { formatNumber } from '@/lib/money';
import { PageHeader } from '@/lib/PageHeader';
import { StatusTag } from '@/lib/StatusTag';
import { todayInRiyadh } from '@/lib/today';
import { useDocumentTitle } from '@/lib/useDocumentTitle';
import { localized, useLanguage } from '@/lib/useLanguage';
import { useLoyaltyActions, useRewards, type RewardRow } from '../hooks/useLoyalty';
import { RewardFormModal, type RewardFormValues } from './RewardFormModal';
import './loyalty.css';

/** The whole rewards catalogue for the ministry, active or not; officers add and edit rewards. */
export function RewardsAdminPage() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { role } = useViewer();
  const { message } = App.useApp();
  const canEdit = role === 'MINISTRY_OFFICER';
  const n = (value: number) => formatNumber(value, language);
  const [editing, setEditing] = useState<RewardRow | 'new' | null>(null);
  useDocumentTitle(t('loyalty.rewardsTitle'));
  const list = useRewards({ includeInactive: true });
  const actions = useLoyaltyActions();

  const columns: ColumnsType<RewardRow> = [
    {
      key: 'name',
      title: t('loyalty.reward'),
      render: (_, row) => (
        <span className="two-line">
          <span>{localized(language, row.nameAr, row.nameEn)}</span>
          <span className="two-line__secondary">{t(`rewardCategory.${row.category}`)}</span>
        </span>
      ),
    },
    { key: 'cost', title: t('loyalty.costColumn'), align: 'end', render: (_, row) => n(row.costPoints) },
    { key: 'stock', title: t('loyalty.stock'), align: 'end', render: (_, row) => n(row.stock) },
    {
      key: 'from',
      title: t('loyalty.activeFrom'),
      render: (_, row) => <DualDate value={row.activeFrom} inline month="short" />,
    },
    {
      key: 'until',
      title: t('loyalty.activeUntil'),
      render: (_, row) => (row.activeUntil ? <DualDate value={row.activeUntil} inline month="short" /> : '—'),
    },
    {
      key: 'active',
      title: t('loyalty.status'),
      render: (_, row) => (
        <StatusTag tone={row.active ? 'success' : 'neutral'}>
          {row.active ? t('loyalty.active') : t('loyalty.inactive')}
        </StatusTag>
      ),
    },
    ...(canEdit
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            render: (_: unknown, row: RewardRow) => (
              <Button
                size="small"
                onClick={() => setEditing(row)}
                aria-label={t('loyalty.editRewardNamed', { name: localized(language, row.nameAr, row.nameEn) })}
              >
                {t('loyalty.edit')}
              </Button>
            ),
          },
        ]
      : []),
  ];

  const exportCsv = () =>
    downloadCsv(
      `${t('loyalty.catalogueCsv')}-${todayInRiyadh()}.csv`,
      toCsv(
        [
          t('loyalty.nameAr'),
          t('loyalty.nameEn'),
          t('loyalty.category'),
          t('loyalty.costColumn'),
          t('loyalty.stock'),
          t('loyalty.activeFrom'),
          t('loyalty.activeUntil'),
        ],
        list.rows.map((r) => [
          r.nameAr,
          r.nameEn,
          t(`rewardCategory.${r.category}`),
          r.costPoints,
          r.stock,
          r.activeFrom,
          r.activeUntil,
        ]),
      ),
    );

  const save = async (values: RewardFormValues) => {
    const common = {
      category: values.category,
      nameAr: values.nameAr.trim(),
      nameEn: values.nameEn.trim(),
      descriptionAr: values.descriptionAr.trim(),
      descriptionEn: values.descriptionEn.trim(),
      costPoints: values.costPoints,
      activeFrom: values.activeFrom,
      activeUntil: values.activeUntil || null,
    };
    if (editing && editing !== 'new') {
      await actions.updateReward({ id: editing.id, ...common, stockChange: values.stock || null });
    } else {
      await actions.createReward({ ...common, stock: values.stock });
    }
    void message.success(t('loyalty.rewardSaved'));
  };

  return (
    <>
      <PageHeader
        title={t('loyalty.rewardsTitle')}
        tags={isReadOnly(role) ? <StatusTag tone="info">{t('common.readOnly')}</StatusTag> : undefined}
        subtitle={t('loyalty.rewardsSubtitle')}
      />
      {canEdit && (
        <div className="page-actions">
          <Button type="primary" onClick={() => setEditing('new')}>
            {t('loyalty.newReward')}
          </Button>
        </div>
      )}
      <ConnectionSection list={list} onExport={exportCsv}>
        <DataTable<RewardRow>
          label={t('loyalty.rewardsTitle')}
          rowKey="id"
          columns={columns}
          dataSource={list.rows}
          loading={list.loading}
          locale={{ emptyText: list.loading ? ' ' : t('loyalty.noRewards') }}
        />
      </ConnectionSection>
      {editing && (
        <RewardFormModal reward={editing === 'new' ? null : editing} onSave={save} onClose={() => setEditing(null)} />
      )}
    </>
  );
}
