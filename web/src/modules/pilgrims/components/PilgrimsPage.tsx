import { Form } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { SorterResult } from 'antd/es/table/interface';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useViewer } from '@/app/ViewerContext';
import type { PilgrimFilter, VisaStatus } from '@/generated/graphql';
import { ConnectionSection } from '@/lib/ConnectionSection';
import { countryName, countryOptions } from '@/lib/countries';
import { downloadCsv, toCsv } from '@/lib/csv';
import { formatHijri } from '@/lib/dates';
import { DataTable } from '@/lib/DataTable';
import { DualDate } from '@/lib/DualDate';
import { FilterBar, FilterSearch, FilterSelect } from '@/lib/FilterBar';
import { formatNumber } from '@/lib/money';
import { PageHeader } from '@/lib/PageHeader';
import { todayInRiyadh } from '@/lib/today';
import { useDebouncedValue } from '@/lib/useDebouncedValue';
import { useDocumentTitle } from '@/lib/useDocumentTitle';
import { localized, useLanguage } from '@/lib/useLanguage';
import { ApplyForVisaButton } from '@/modules/visas/components/ApplyForVisaButton';
import { maySubmit } from '@/modules/visas/lib/visaActions';
import { mayApply } from '@/modules/visas/lib/visaStatus';
import {
  PILGRIM_SORT_COLUMNS,
  pilgrimOrderOf,
  usePilgrims,
  type PilgrimRow,
  type PilgrimSort,
} from '../hooks/usePilgrims';
import { sortableColumn, tableSortOf } from '../hooks/tableSort';
import { VISA_STATUSES, VisaStatusTag } from './VisaStatusTag';

interface FilterValues {
  search?: string;
  nationality?: string;
  visaStatus?: VisaStatus;
}

/** Pilgrims and their visa applications, for the ministry, a company manager or an agent. */
export function PilgrimsPage() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { role } = useViewer();
  const [form] = Form.useForm<FilterValues>();
  const [values, setValues] = useState<FilterValues>({});
  const search = useDebouncedValue(values.search?.trim() ?? '');
  useDocumentTitle(t('pilgrims.title'));

  const filter = useMemo<PilgrimFilter>(
    () => ({
      ...(search ? { search } : {}),
      ...(values.nationality ? { nationality: values.nationality } : {}),
      ...(values.visaStatus ? { visaStatus: values.visaStatus } : {}),
    }),
    [search, values.nationality, values.visaStatus],
  );
  // Sorted on the server: a click on a header asks for the list again from its first page.
  const [sort, setSort] = useState<PilgrimSort | null>(null);
  const orderBy = useMemo(() => pilgrimOrderOf(sort, language), [sort, language]);
  const list = usePilgrims(filter, orderBy);
  const { rows, loading, hasData, totalCount } = list;
  const nationalities = useMemo(() => countryOptions(language), [language]);
  // A manager sees only their own company's pilgrims: the column would repeat one name.
  const showCompany = role !== 'COMPANY_MANAGER';
  const canApply = maySubmit(role);

  const columns: ColumnsType<PilgrimRow> = [
    {
      key: 'name',
      title: t('pilgrims.name'),
      ...sortableColumn('name', sort),
      render: (_, row) => {
        const primary = localized(language, row.fullNameAr, row.fullNameEn);
        const secondary = language === 'ar' ? row.fullNameEn : row.fullNameAr;
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
      },
    },
    { key: 'passport', title: t('pilgrims.passport'), render: (_, row) => <bdi>{row.passportNumber}</bdi> },
    {
      key: 'nationality',
      title: t('pilgrims.nationality'),
      ...sortableColumn('nationality', sort),
      render: (_, row) => countryName(row.nationality, language),
    },
    {
      key: 'dob',
      title: t('pilgrims.dateOfBirth'),
      ...sortableColumn('dob', sort),
      render: (_, row) => <DualDate value={row.dateOfBirth} />,
    },
    {
      key: 'passportExpires',
      title: t('pilgrims.passportExpiresOn'),
      ...sortableColumn('passportExpires', sort),
      render: (_, row) => (row.passportExpiresOn ? <DualDate value={row.passportExpiresOn} /> : '—'),
    },
    { key: 'sex', title: t('pilgrims.sex'), render: (_, row) => t(`sex.${row.sex}`) },
    {
      key: 'visa',
      title: t('pilgrims.visaStatus'),
      render: (_, row) => (row.visa ? <VisaStatusTag status={row.visa.status} /> : t('pilgrims.noVisa')),
    },
    {
      key: 'visaApplication',
      title: t('visas.apply.column'),
      render: (_, row) => {
        const name = localized(language, row.fullNameAr, row.fullNameEn);
        return (
          <div className="visa-apply-cell">
            {row.visa && (
              <Link to={`/visas/${row.visa.id}`}>
                {t('visas.apply.open')}
                <span className="sr-only"> — {name}</span>
              </Link>
            )}
            {canApply && mayApply(row.visa) && <ApplyForVisaButton pilgrimId={row.id} pilgrimName={name} />}
          </div>
        );
      },
    },
    {
      key: 'submitted',
      title: t('pilgrims.submittedAt'),
      render: (_, row) => (row.visa ? <DualDate value={row.visa.submittedAt} withTime /> : '—'),
    },
    {
      key: 'mofa',
      title: t('pilgrims.mofaReference'),
      render: (_, row) => (row.visa?.mofaReference ? <bdi>{row.visa.mofaReference}</bdi> : '—'),
    },
    {
      key: 'group',
      title: t('pilgrims.group'),
      render: (_, row) =>
        row.group ? (
          <Link to={`/groups/${row.group.id}`}>
            <bdi>{row.group.groupNumber}</bdi> — {row.group.name}
          </Link>
        ) : (
          t('pilgrims.noGroup')
        ),
    },
    ...(showCompany
      ? [
          {
            key: 'company',
            title: t('pilgrims.company'),
            render: (_: unknown, row: PilgrimRow) => localized(language, row.company.nameAr, row.company.nameEn),
          },
        ]
      : []),
  ];

  const exportCsv = () => {
    const header = [
      t('pilgrims.nameAr'),
      t('pilgrims.nameEn'),
      t('pilgrims.passport'),
      t('pilgrims.nationality'),
      `${t('pilgrims.nationality')} (ISO)`,
      t('pilgrims.dateOfBirth'),
      t('pilgrims.passportExpiresOn'),
      t('pilgrims.sex'),
      t('pilgrims.visaStatus'),
      t('pilgrims.submittedAt'),
      `${t('pilgrims.submittedAt')} (${t('common.hijri')})`,
      t('pilgrims.mofaReference'),
      t('pilgrims.company'),
      t('pilgrims.group'),
    ];
    const data = rows.map((row) => [
      row.fullNameAr,
      row.fullNameEn,
      row.passportNumber,
      countryName(row.nationality, language),
      row.nationality,
      row.dateOfBirth,
      row.passportExpiresOn,
      t(`sex.${row.sex}`),
      row.visa ? t(`visaStatus.${row.visa.status}`) : '',
      row.visa?.submittedAt,
      row.visa ? formatHijri(row.visa.submittedAt, language, { withTime: true }) : '',
      row.visa?.mofaReference,
      localized(language, row.company.nameAr, row.company.nameEn),
      row.group ? `${row.group.groupNumber} — ${row.group.name}` : '',
    ]);
    downloadCsv(`${t('pilgrims.csvName')}-${todayInRiyadh()}.csv`, toCsv(header, data));
  };

  const clearFilters = () => {
    form.resetFields();
    setValues({});
  };

  return (
    <>
      <PageHeader
        title={t('pilgrims.title')}
        subtitle={
          hasData
            ? t('pilgrims.total', { count: totalCount, formatted: formatNumber(totalCount, language) })
            : undefined
        }
      />
      {(role === 'COMPANY_MANAGER' || role === 'AGENT') && (
        <div className="page-actions">
          <Link className="link-button link-button--primary" to="/pilgrims/new">
            {t('pilgrims.register')}
          </Link>
          <Link className="link-button" to="/pilgrims/import">
            {t('pilgrims.import')}
          </Link>
        </div>
      )}
      <FilterBar
        form={form}
        name="pilgrimFilters"
        label={t('pilgrims.filters')}
        onChange={setValues}
        onClear={clearFilters}
      >
        <FilterSearch label={t('pilgrims.search')} name="search" />
        <FilterSelect label={t('pilgrims.nationality')} name="nationality" searchable options={nationalities} />
        <FilterSelect
          label={t('pilgrims.visaStatus')}
          name="visaStatus"
          options={VISA_STATUSES.map((status) => ({ value: status, label: t(`visaStatus.${status}`) }))}
        />
      </FilterBar>
      <ConnectionSection list={list} onExport={exportCsv}>
        <DataTable<PilgrimRow>
          label={t('pilgrims.title')}
          rowKey="id"
          columns={columns}
          dataSource={rows}
          loading={loading}
          onChange={(_pagination, _filters, sorter) =>
            setSort(tableSortOf(sorter as SorterResult<PilgrimRow> | SorterResult<PilgrimRow>[], PILGRIM_SORT_COLUMNS))
          }
          showSorterTooltip={false}
          locale={{ emptyText: loading ? ' ' : t('pilgrims.empty') }}
        />
      </ConnectionSection>
    </>
  );
}
