import { Button, Statistic } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { downloadCsv, toCsv } from '@/lib/csv';
import { DataTable } from '@/lib/DataTable';
import { formatNumber } from '@/lib/money';
import { SectionCard } from '@/lib/SectionCard';
import { todayInRiyadh } from '@/lib/today';
import { useLanguage } from '@/lib/useLanguage';
import type { Language } from '@/lib/locale';
import { IMPORT_FIELDS, type ImportField } from './importFields';
import { fieldOfServerPath, type CellProblem, type ImportRow, type RowProblems } from './rowValidation';
import type { RowOutcome } from './useImportRun';

/** Codes the API answers for a row, explained in the user's language. */
const ROW_ERROR_CODES = ['BAD_USER_INPUT', 'MRZ_INVALID', 'PASSPORT_EXPIRES_TOO_SOON', 'DUPLICATE_PILGRIM'] as const;
type RowErrorCode = (typeof ROW_ERROR_CODES)[number];
const isRowErrorCode = (code: string): code is RowErrorCode => (ROW_ERROR_CODES as readonly string[]).includes(code);

interface NotRegistered {
  row: ImportRow;
  field: ImportField | null;
  /** The reason in the user's language. */
  reason: string;
  /** The API's own sentence (English), when it answered. */
  detail: string | null;
}

function serverReason(outcome: RowOutcome, t: TFunction, language: Language): Omit<NotRegistered, 'row'> {
  const error = outcome.error!;
  const field = fieldOfServerPath(error.field);
  // In English the API's sentence is the best reason; in Arabic a sentence per code, the API's beside it.
  if (language === 'en') return { field, reason: error.message, detail: null };
  const known: RowErrorCode | 'other' = isRowErrorCode(error.code) ? error.code : 'other';
  return { field, reason: t(`pilgrimImport.serverErrors.${known}`), detail: error.message };
}

function skippedReason(problems: RowProblems, t: TFunction): Omit<NotRegistered, 'row'> {
  const entries = Object.entries(problems) as [ImportField, CellProblem][];
  const reason =
    entries.length > 0
      ? entries
          .map(([field, problem]) => `${t(`pilgrimImport.fields.${field}`)}: ${t(`pilgrimImport.problems.${problem}`)}`)
          .join(t('pilgrimImport.listSeparator'))
      : t('pilgrimImport.results.skippedByUser');
  return {
    field: entries[0]?.[0] ?? null,
    reason: `${t('pilgrimImport.results.skippedPrefix')} ${reason}`,
    detail: null,
  };
}

interface ImportResultsProps {
  rows: readonly ImportRow[];
  problems: ReadonlyMap<number, RowProblems>;
  outcomes: ReadonlyMap<number, RowOutcome>;
  onAnother: () => void;
}

/** Step 5: what was registered and what was not, with the reasons, and a report to fix and send again. */
export function ImportResults({ rows, problems, outcomes, onAnother }: ImportResultsProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const registered = rows.filter((row) => outcomes.get(row.id)?.pilgrimId).length;
  const failed: NotRegistered[] = rows.flatMap((row) => {
    const outcome = outcomes.get(row.id);
    return outcome?.error ? [{ row, ...serverReason(outcome, t, language) }] : [];
  });
  const skipped: NotRegistered[] = rows
    .filter((row) => row.skipped)
    .map((row) => ({ row, ...skippedReason(problems.get(row.id) ?? {}, t) }));
  const notSent = rows.filter((row) => !row.skipped && !outcomes.has(row.id)).length;
  const report = [...failed, ...skipped].sort((a, b) => a.row.line - b.row.line);

  const downloadReport = () => {
    const header = [
      t('pilgrimImport.preview.line'),
      ...IMPORT_FIELDS.map((field) => t(`pilgrimImport.fields.${field}`)),
      t('pilgrimImport.results.field'),
      t('pilgrimImport.results.reason'),
      t('pilgrimImport.results.apiMessage'),
    ];
    const data = report.map((item) => [
      item.row.line,
      ...IMPORT_FIELDS.map((field) => item.row.values[field]),
      item.field ? t(`pilgrimImport.fields.${item.field}`) : '',
      item.reason,
      item.detail,
    ]);
    downloadCsv(`${t('pilgrimImport.results.reportName')}-${todayInRiyadh()}.csv`, toCsv(header, data));
  };

  const columns: ColumnsType<NotRegistered> = [
    { key: 'line', title: t('pilgrimImport.preview.line'), render: (_, item) => formatNumber(item.row.line, language) },
    {
      key: 'passport',
      title: t('pilgrimImport.fields.passportNumber'),
      render: (_, item) => <bdi>{item.row.values.passportNumber}</bdi>,
    },
    {
      key: 'name',
      title: t('pilgrims.name'),
      render: (_, item) =>
        language === 'ar'
          ? `${item.row.values.givenNameAr} ${item.row.values.familyNameAr}`
          : `${item.row.values.givenNameEn} ${item.row.values.familyNameEn}`,
    },
    {
      key: 'field',
      title: t('pilgrimImport.results.field'),
      render: (_, item) => (item.field ? t(`pilgrimImport.fields.${item.field}`) : '—'),
    },
    {
      key: 'reason',
      title: t('pilgrimImport.results.reason'),
      render: (_, item) => (
        <div className="two-line">
          <span>{item.reason}</span>
          {item.detail && (
            <span className="two-line__secondary" lang="en" dir="ltr">
              {item.detail}
            </span>
          )}
        </div>
      ),
    },
  ];

  return (
    <SectionCard title={t('pilgrimImport.results.title')}>
      <div className="import-counts" role="group" aria-label={t('pilgrimImport.results.counts')}>
        <Statistic title={t('pilgrimImport.results.registered')} value={formatNumber(registered, language)} />
        <Statistic title={t('pilgrimImport.results.failed')} value={formatNumber(failed.length, language)} />
        <Statistic title={t('pilgrimImport.results.skipped')} value={formatNumber(skipped.length, language)} />
        {notSent > 0 && (
          <Statistic title={t('pilgrimImport.results.notSent')} value={formatNumber(notSent, language)} />
        )}
      </div>
      <h3 className="import-subtitle">{t('pilgrimImport.results.notRegistered')}</h3>
      <DataTable<NotRegistered>
        label={t('pilgrimImport.results.notRegistered')}
        rowKey={(item) => item.row.id}
        size="small"
        columns={columns}
        dataSource={report}
        locale={{ emptyText: t('pilgrimImport.results.allRegistered') }}
        pagination={report.length > 50 ? { pageSize: 50, showSizeChanger: false } : false}
      />
      <div className="import-footer">
        {report.length > 0 && <Button onClick={downloadReport}>{t('pilgrimImport.results.downloadReport')}</Button>}
        <Link className="link-button" to="/pilgrims">
          {t('pilgrimImport.results.toList')}
        </Link>
        <Button type="link" onClick={onAnother}>
          {t('pilgrimImport.results.another')}
        </Button>
      </div>
    </SectionCard>
  );
}
