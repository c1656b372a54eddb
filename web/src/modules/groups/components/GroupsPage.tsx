import { App, Button } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { isReadOnly } from '@/app/navigation';
import { useViewer } from '@/app/ViewerContext';
import { ConnectionSection } from '@/lib/ConnectionSection';
import { downloadCsv, toCsv } from '@/lib/csv';
import { DataTable } from '@/lib/DataTable';
import { DualDate } from '@/lib/DualDate';
import { formatHijri } from '@/lib/dates';
import { formatNumber } from '@/lib/money';
import { PageHeader } from '@/lib/PageHeader';
import { StatusTag } from '@/lib/StatusTag';
import { todayInRiyadh } from '@/lib/today';
import { useDocumentTitle } from '@/lib/useDocumentTitle';
import { localized, useLanguage } from '@/lib/useLanguage';
import { usePilgrimGroups, type GroupRow } from '../hooks/usePilgrimGroups';
import { canCreateGroup } from '../lib/groupAccess';
import { NewGroupModal } from './NewGroupModal';
import '../groups.css';

/** Groups (أفواج) of pilgrims: the ministry reads all, a manager their company's, an agent its own. */
export function GroupsPage() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { role } = useViewer();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const readOnly = isReadOnly(role);
  const [creating, setCreating] = useState(false);
  useDocumentTitle(t('groups.title'));
  const list = usePilgrimGroups();
  const { rows, loading, hasData, totalCount } = list;
  // A manager's groups are all their company's; an agent's too are its own: show who made them instead.
  const showCompany = role !== 'COMPANY_MANAGER';
  const showCreator = role !== 'AGENT';
  const creator = (row: GroupRow) => row.agent?.name ?? t('groups.byCompany');

  const columns: ColumnsType<GroupRow> = [
    {
      key: 'number',
      title: t('groups.groupNumber'),
      render: (_, row) => <bdi>{row.groupNumber}</bdi>,
    },
    { key: 'name', title: t('groups.name'), render: (_, row) => <Link to={`/groups/${row.id}`}>{row.name}</Link> },
    { key: 'season', title: t('groups.season'), render: (_, row) => <bdi>{row.season}</bdi> },
    ...(showCompany
      ? [
          {
            key: 'company',
            title: t('groups.company'),
            render: (_: unknown, row: GroupRow) => localized(language, row.company.nameAr, row.company.nameEn),
          },
        ]
      : []),
    ...(showCreator
      ? [{ key: 'creator', title: t('groups.createdBy'), render: (_: unknown, row: GroupRow) => creator(row) }]
      : []),
    {
      key: 'pilgrims',
      title: t('groups.pilgrimCount'),
      align: 'end',
      render: (_, row) => formatNumber(row.pilgrims.totalCount, language),
    },
    { key: 'created', title: t('groups.createdAt'), render: (_, row) => <DualDate value={row.createdAt} inline /> },
  ];

  const exportCsv = () => {
    const header = [
      t('groups.groupNumber'),
      t('groups.name'),
      t('groups.season'),
      t('groups.company'),
      t('groups.createdBy'),
      t('groups.pilgrimCount'),
      t('groups.createdAt'),
      `${t('groups.createdAt')} (${t('common.hijri')})`,
    ];
    const data = rows.map((row) => [
      row.groupNumber,
      row.name,
      row.season,
      localized(language, row.company.nameAr, row.company.nameEn),
      creator(row),
      row.pilgrims.totalCount,
      row.createdAt,
      formatHijri(row.createdAt, language, { withTime: true }),
    ]);
    downloadCsv(`${t('groups.csvName')}-${todayInRiyadh()}.csv`, toCsv(header, data));
  };

  return (
    <>
      <PageHeader
        title={t('groups.title')}
        tags={readOnly ? <StatusTag tone="info">{t('common.readOnly')}</StatusTag> : undefined}
        subtitle={
          hasData ? t('groups.total', { count: totalCount, formatted: formatNumber(totalCount, language) }) : undefined
        }
      />
      {canCreateGroup(role) && (
        <div className="page-actions">
          <Button type="primary" onClick={() => setCreating(true)}>
            {t('groups.new')}
          </Button>
        </div>
      )}
      <ConnectionSection list={list} onExport={exportCsv}>
        <DataTable<GroupRow>
          label={t('groups.title')}
          rowKey="id"
          columns={columns}
          dataSource={rows}
          loading={loading}
          locale={{ emptyText: loading ? ' ' : t('groups.empty') }}
        />
      </ConnectionSection>
      {creating && (
        <NewGroupModal
          isAgent={role === 'AGENT'}
          onClose={() => setCreating(false)}
          onCreated={(group) => {
            setCreating(false);
            void message.success(t('groups.created', { number: group.groupNumber, name: group.name }));
            void navigate(`/groups/${group.id}`);
          }}
        />
      )}
    </>
  );
}
