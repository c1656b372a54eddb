import { Alert, Button, Form } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { SorterResult } from 'antd/es/table/interface';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { isReadOnly } from '@/app/navigation';
import { useViewer } from '@/app/ViewerContext';
import type { CompanyFilter, CompanyOrder, LicenseStatus } from '@/generated/graphql';
import { KNOWN_CITIES, useCityName } from '@/lib/cities';
import { ConnectionSection } from '@/lib/ConnectionSection';
import { downloadCsv, toCsv } from '@/lib/csv';
import { formatHijri } from '@/lib/dates';
import { DataTable } from '@/lib/DataTable';
import { DualDate } from '@/lib/DualDate';
import { FilterBar, FilterSearch, FilterSelect } from '@/lib/FilterBar';
import { formatNumber } from '@/lib/money';
import { PageHeader } from '@/lib/PageHeader';
import { StatusTag } from '@/lib/StatusTag';
import { todayInRiyadh } from '@/lib/today';
import { useDebouncedValue } from '@/lib/useDebouncedValue';
import { useDocumentTitle } from '@/lib/useDocumentTitle';
import { localized, useLanguage } from '@/lib/useLanguage';
import { LoyaltyTierTag } from '@/modules/loyalty/components/LoyaltyTierTag';
import { useCompanies, type CompanyRow } from '../hooks/useCompanies';
import { orderFromSort, SORT_OPTIONS, sortKeyOf, sortOrderFor, type SortKey } from '../lib/companyOrder';
import { CompanyFormModal } from './CompanyFormModal';
import { LicenseStatusTag } from './LicenseStatusTag';

const LICENSE_STATUSES: readonly LicenseStatus[] = ['ACTIVE', 'SUSPENDED', 'REVOKED', 'EXPIRED'];

interface FilterValues {
  search?: string;
  city?: string;
  licenseStatus?: LicenseStatus;
  sort?: SortKey;
}

/**
 * The ministry's list of licensed companies, each linking to its page. Officers may register a
 * company here; a supervisor gets no control that changes data, and the page says so.
 */
export function CompaniesPage() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const cityName = useCityName();
  const viewer = useViewer();
  const readOnly = isReadOnly(viewer.role);
  const officer = viewer.role === 'MINISTRY_OFFICER';
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm<FilterValues>();
  const [values, setValues] = useState<FilterValues>({});
  const search = useDebouncedValue(values.search?.trim() ?? '');

  const filter = useMemo<CompanyFilter>(
    () => ({
      ...(search ? { search } : {}),
      ...(values.city ? { city: values.city } : {}),
      ...(values.licenseStatus ? { licenseStatus: values.licenseStatus } : {}),
    }),
    [search, values.city, values.licenseStatus],
  );
  const orderBy = useMemo<CompanyOrder | null>(() => (values.sort ? orderFromSort(values.sort) : null), [values.sort]);
  const list = useCompanies(filter, orderBy);
  const { rows, loading, hasData, totalCount } = list;

  // Clicking a sortable header sets the same order as the "Sort by" choice, and the two stay in step.
  const onTableChange = (sorter: SorterResult<CompanyRow> | SorterResult<CompanyRow>[]) => {
    const one = Array.isArray(sorter) ? sorter[0] : sorter;
    const sort = sortKeyOf(String(one?.columnKey ?? ''), one?.order ?? null, language);
    form.setFieldValue('sort', sort);
    setValues((current) => ({ ...current, sort }));
  };

  useDocumentTitle(readOnly ? `${t('companies.title')} (${t('common.readOnly')})` : t('companies.title'));

  const cityOptions = useMemo(() => {
    const cities = new Set<string>([...KNOWN_CITIES, ...rows.map((row) => row.city)]);
    return [...cities].map((city) => ({ value: city, label: cityName(city) }));
  }, [rows, cityName]);

  const columns: ColumnsType<CompanyRow> = [
    {
      key: 'name',
      title: t('companies.name'),
      sorter: true,
      sortOrder: sortOrderFor('name', values.sort),
      sortDirections: ['ascend', 'descend'],
      render: (_, row) => <Link to={`/companies/${row.id}`}>{localized(language, row.nameAr, row.nameEn)}</Link>,
    },
    { key: 'cr', title: t('companies.crNumber'), render: (_, row) => <bdi>{row.crNumber}</bdi> },
    { key: 'city', title: t('companies.city'), render: (_, row) => cityName(row.city) },
    { key: 'license', title: t('companies.licenseNumber'), render: (_, row) => <bdi>{row.license.number}</bdi> },
    {
      key: 'status',
      title: t('companies.licenseStatus'),
      render: (_, row) => <LicenseStatusTag status={row.license.status} />,
    },
    {
      key: 'expires',
      title: t('companies.expiresOn'),
      sorter: true,
      sortOrder: sortOrderFor('expires', values.sort),
      sortDirections: ['ascend', 'descend'],
      render: (_, row) => <DualDate value={row.license.expiresOn} />,
    },
    {
      key: 'pilgrims',
      title: t('companies.pilgrims'),
      align: 'end',
      render: (_, row) => (row.visaStats ? formatNumber(row.visaStats.total, language) : '—'),
    },
    {
      key: 'loyalty',
      title: t('companies.loyaltyBalance'),
      align: 'end',
      render: (_, row) => (row.loyalty ? formatNumber(row.loyalty.balance, language) : '—'),
    },
    {
      key: 'tier',
      title: t('companies.tier'),
      render: (_, row) => (row.loyalty ? <LoyaltyTierTag tier={row.loyalty.tier} /> : '—'),
    },
  ];

  const exportCsv = () => {
    const header = [
      t('companies.nameAr'),
      t('companies.nameEn'),
      t('companies.crNumber'),
      t('companies.city'),
      t('companies.licenseNumber'),
      t('companies.licenseStatus'),
      t('companies.expiresOn'),
      `${t('companies.expiresOn')} (${t('common.hijri')})`,
      t('companies.pilgrims'),
      t('companies.loyaltyBalance'),
      t('companies.tier'),
    ];
    const data = rows.map((row) => [
      row.nameAr,
      row.nameEn,
      row.crNumber,
      row.city,
      row.license.number,
      t(`licenseStatus.${row.license.status}`),
      row.license.expiresOn,
      formatHijri(row.license.expiresOn, language),
      row.visaStats?.total,
      row.loyalty?.balance,
      row.loyalty ? t(`loyaltyTier.${row.loyalty.tier}`) : '',
    ]);
    downloadCsv(`${t('companies.csvName')}-${todayInRiyadh()}.csv`, toCsv(header, data));
  };

  const clearFilters = () => {
    form.resetFields();
    setValues({});
  };

  return (
    <>
      <PageHeader
        title={t('companies.title')}
        tags={readOnly ? <StatusTag tone="info">{t('common.readOnly')}</StatusTag> : undefined}
        subtitle={
          hasData
            ? t('companies.total', { count: totalCount, formatted: formatNumber(totalCount, language) })
            : undefined
        }
      />
      {officer && (
        <div className="page-actions">
          <Button type="primary" onClick={() => setCreating(true)}>
            {t('companies.new')}
          </Button>
        </div>
      )}
      {readOnly && <Alert className="page-alert" type="info" showIcon title={t('companies.readOnlyNotice')} />}
      {creating && (
        <CompanyFormModal onClose={() => setCreating(false)} onSaved={(id) => void navigate(`/companies/${id}`)} />
      )}
      <FilterBar
        form={form}
        name="companyFilters"
        label={t('companies.filters')}
        onChange={setValues}
        onClear={clearFilters}
      >
        <FilterSearch label={t('companies.search')} name="search" />
        <FilterSelect label={t('companies.city')} name="city" options={cityOptions} />
        <FilterSelect
          label={t('companies.licenseStatus')}
          name="licenseStatus"
          options={LICENSE_STATUSES.map((status) => ({ value: status, label: t(`licenseStatus.${status}`) }))}
        />
        <FilterSelect
          label={t('companies.sortBy')}
          name="sort"
          placeholder={t('companies.sort.default')}
          options={SORT_OPTIONS.map((key) => ({ value: key, label: t(`companies.sort.${key}`) }))}
        />
      </FilterBar>
      <ConnectionSection list={list} onExport={exportCsv}>
        <DataTable<CompanyRow>
          label={t('companies.title')}
          rowKey="id"
          columns={columns}
          dataSource={rows}
          loading={loading}
          onChange={(_pagination, _filters, sorter) => onTableChange(sorter)}
          showSorterTooltip={false}
          locale={{ emptyText: loading ? ' ' : t('companies.empty') }}
        />
      </ConnectionSection>
    </>
  );
}
