import { Button, Form, Input } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoyaltyLedgerEntryKind, LoyaltyLedgerFilter } from '@/generated/graphql';
import { ConnectionSection } from '@/lib/ConnectionSection';
import { downloadCsv, toCsv } from '@/lib/csv';
import { DataTable } from '@/lib/DataTable';
import { DualDate } from '@/lib/DualDate';
import { formatHijri } from '@/lib/dates';
import { FilterBar, FilterSelect } from '@/lib/FilterBar';
import { formatNumber } from '@/lib/money';
import { SectionCard } from '@/lib/SectionCard';
import { todayInRiyadh } from '@/lib/today';
import { useLanguage } from '@/lib/useLanguage';
import { useMyLedger, type LedgerRow } from '../hooks/useLoyalty';
import { signedPoints } from '../lib/redemptionActions';
import { LedgerKindTag } from './LoyaltyTags';
import { StatementDialog } from './StatementDialog';

const KINDS: LoyaltyLedgerEntryKind[] = ['EARN', 'REDEEM', 'REFUND', 'EXPIRE', 'ADJUST'];

interface FilterValues {
  kinds?: LoyaltyLedgerEntryKind[];
  from?: string;
  to?: string;
}

/** The account's ledger, newest first, with filters, the loaded rows as CSV and the full statement. */
export function LedgerSection() {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const n = (value: number) => formatNumber(value, language);
  const [filter, setFilter] = useState<LoyaltyLedgerFilter>({});
  const [statementOpen, setStatementOpen] = useState(false);
  const list = useMyLedger(filter);

  const details = (row: LedgerRow): string => {
    if (row.reason) return row.reason;
    if (!row.rule) return '';
    const rule = t('loyalty.earnedUnder', { version: n(row.rule.version), season: row.rule.season });
    if (!row.tier) return rule;
    return `${rule} · ${t('loyalty.earnedAtTier', {
      tier: t(`loyaltyTier.${row.tier}`),
      percent: n(row.multiplierPercent ?? 100),
    })}`;
  };

  const columns: ColumnsType<LedgerRow> = [
    { key: 'line', title: t('loyalty.line'), align: 'end', render: (_, row) => n(row.line) },
    {
      key: 'date',
      title: t('loyalty.occurredAt'),
      render: (_, row) => <DualDate value={row.occurredAt} inline month="short" />,
    },
    { key: 'kind', title: t('loyalty.kind'), render: (_, row) => <LedgerKindTag kind={row.kind} /> },
    { key: 'cause', title: t('loyalty.cause'), render: (_, row) => t(`ledgerCause.${row.cause}`) },
    {
      key: 'points',
      title: t('loyalty.pointsColumn'),
      align: 'end',
      render: (_, row) => (
        <bdi className={row.points < 0 ? 'ledger-points--debit' : ''}>{signedPoints(row.points, n)}</bdi>
      ),
    },
    { key: 'balance', title: t('loyalty.balanceAfterColumn'), align: 'end', render: (_, row) => n(row.balanceAfter) },
    {
      key: 'expires',
      title: t('loyalty.expiresOn'),
      render: (_, row) => (row.expiresOn ? <DualDate value={row.expiresOn} inline month="short" /> : '—'),
    },
    { key: 'details', title: t('loyalty.details'), render: (_, row) => <span dir="auto">{details(row) || '—'}</span> },
  ];

  const exportCsv = () => {
    const header = [
      t('loyalty.line'),
      t('loyalty.occurredAt'),
      `${t('loyalty.occurredAt')} (${t('common.hijri')})`,
      t('loyalty.kind'),
      t('loyalty.cause'),
      t('loyalty.pointsColumn'),
      t('loyalty.balanceAfterColumn'),
      t('loyalty.expiresOn'),
      t('loyalty.details'),
    ];
    const data = list.rows.map((row) => [
      row.line,
      row.occurredAt,
      formatHijri(row.occurredAt, language, { withTime: true }),
      t(`ledgerKind.${row.kind}`),
      t(`ledgerCause.${row.cause}`),
      row.points,
      row.balanceAfter,
      row.expiresOn,
      details(row),
    ]);
    downloadCsv(`${t('loyalty.ledgerCsv')}-${todayInRiyadh()}.csv`, toCsv(header, data));
  };

  return (
    <SectionCard
      title={t('loyalty.ledger')}
      extra={<Button onClick={() => setStatementOpen(true)}>{t('loyalty.statement')}</Button>}
    >
      <FilterBar<FilterValues>
        name="ledgerFilters"
        label={t('loyalty.ledgerFilters')}
        onChange={(all) =>
          setFilter({
            ...(all.kinds && all.kinds.length > 0 ? { kinds: all.kinds } : {}),
            ...(all.from ? { from: all.from } : {}),
            ...(all.to ? { to: all.to } : {}),
          })
        }
      >
        <FilterSelect
          label={t('loyalty.kind')}
          name="kinds"
          mode="multiple"
          wide
          options={KINDS.map((kind) => ({ value: kind, label: t(`ledgerKind.${kind}`) }))}
        />
        <Form.Item label={t('loyalty.from')} name="from">
          <Input type="date" dir="ltr" />
        </Form.Item>
        <Form.Item label={t('loyalty.to')} name="to">
          <Input type="date" dir="ltr" />
        </Form.Item>
      </FilterBar>
      <ConnectionSection list={list} onExport={exportCsv}>
        <DataTable<LedgerRow>
          label={t('loyalty.ledger')}
          rowKey="id"
          columns={columns}
          dataSource={list.rows}
          loading={list.loading}
          locale={{ emptyText: list.loading ? ' ' : t('loyalty.noEntries') }}
        />
      </ConnectionSection>
      {statementOpen && <StatementDialog onClose={() => setStatementOpen(false)} />}
    </SectionCard>
  );
}
