import { Alert, Button, Input, Radio } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DataTable } from '@/lib/DataTable';
import { formatNumber } from '@/lib/money';
import { SectionCard } from '@/lib/SectionCard';
import { StatusTag } from '@/lib/StatusTag';
import { useLanguage } from '@/lib/useLanguage';
import { IMPORT_FIELDS, OPTIONAL_FIELDS, type ColumnMapping, type ImportField } from './importFields';
import { hasProblems, type CellProblem, type ImportRow, type RowProblems } from './rowValidation';

type Show = 'all' | 'problems' | 'skipped';

interface PreviewStepProps {
  rows: readonly ImportRow[];
  problems: ReadonlyMap<number, RowProblems>;
  mapping: ColumnMapping;
  onEdit: (rowId: number, field: ImportField, value: string) => void;
  onSkip: (rowIds: readonly number[], skipped: boolean) => void;
  onBack: () => void;
  onImport: () => void;
}

const PAGE_SIZE = 20;

/** Step 3: every row with what the browser finds wrong; a cell can be fixed in place or the row skipped. */
export function PreviewStep({ rows, problems, mapping, onEdit, onSkip, onBack, onImport }: PreviewStepProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const [show, setShow] = useState<Show>('all');
  const [page, setPage] = useState(1);
  // Optional fields the file has no column for stay out of the way; required ones always show.
  const fields = IMPORT_FIELDS.filter((field) => !OPTIONAL_FIELDS.has(field) || mapping[field] != null);

  const withProblems = rows.filter((row) => !row.skipped && hasProblems(problems.get(row.id) ?? {}));
  const skipped = rows.filter((row) => row.skipped);
  const ready = rows.length - withProblems.length - skipped.length;
  const visible = useMemo(
    () =>
      show === 'all'
        ? rows
        : show === 'skipped'
          ? rows.filter((r) => r.skipped)
          : rows.filter((r) => !r.skipped && hasProblems(problems.get(r.id) ?? {})),
    [rows, problems, show],
  );

  // Row, status and the skip button first: the fields make the table wide and scroll sideways.
  const columns: ColumnsType<ImportRow> = [
    {
      key: 'line',
      title: t('pilgrimImport.preview.line'),
      render: (_, row) => formatNumber(row.line, language),
    },
    {
      key: 'status',
      title: t('pilgrimImport.preview.status'),
      render: (_, row) => {
        if (row.skipped) return <StatusTag tone="neutral">{t('pilgrimImport.preview.skipped')}</StatusTag>;
        const found = Object.entries(problems.get(row.id) ?? {}) as [ImportField, CellProblem][];
        if (found.length === 0) return <StatusTag tone="success">{t('pilgrimImport.preview.ready')}</StatusTag>;
        // Named here too: the cell at fault may be scrolled out of sight in a wide table.
        return (
          <div className="import-status">
            <StatusTag tone="error">
              {t('pilgrimImport.preview.problems', { formatted: formatNumber(found.length, language) })}
            </StatusTag>
            <ul className="import-status__list">
              {found.map(([field, problem]) => (
                <li key={field}>
                  {t(`pilgrimImport.fields.${field}`)}: {t(`pilgrimImport.problems.${problem}`)}
                </li>
              ))}
            </ul>
          </div>
        );
      },
    },
    {
      key: 'skip',
      title: t('common.actions'),
      render: (_, row) => (
        <Button
          size="small"
          onClick={() => onSkip([row.id], !row.skipped)}
          aria-label={t(row.skipped ? 'pilgrimImport.preview.includeRow' : 'pilgrimImport.preview.skipRow', {
            line: formatNumber(row.line, language),
          })}
        >
          {t(row.skipped ? 'pilgrimImport.preview.include' : 'pilgrimImport.preview.skip')}
        </Button>
      ),
    },
    ...fields.map((field) => ({
      key: field,
      title: t(`pilgrimImport.fields.${field}`),
      render: (_: unknown, row: ImportRow) => {
        const problem = row.skipped ? undefined : problems.get(row.id)?.[field];
        const problemId = `problem-${row.id}-${field}`;
        return (
          <div className={`import-cell import-cell--${field}`}>
            <Input
              size="small"
              value={row.values[field]}
              disabled={row.skipped}
              dir={field.endsWith('Ar') ? 'rtl' : 'ltr'}
              aria-label={t('pilgrimImport.preview.cellLabel', {
                field: t(`pilgrimImport.fields.${field}`),
                line: formatNumber(row.line, language),
              })}
              status={problem ? 'error' : undefined}
              aria-invalid={problem ? true : undefined}
              aria-describedby={problem ? problemId : undefined}
              onChange={(event) => onEdit(row.id, field, event.target.value)}
            />
            {problem && (
              <div id={problemId} className="import-cell__problem">
                {t(`pilgrimImport.problems.${problem}`)}
              </div>
            )}
          </div>
        );
      },
    })),
  ];

  return (
    <SectionCard title={t('pilgrimImport.preview.title')}>
      <p aria-live="polite" className="import-summary">
        {t('pilgrimImport.preview.summary', {
          count: rows.length,
          total: formatNumber(rows.length, language),
          ready: formatNumber(ready, language),
          problems: formatNumber(withProblems.length, language),
          skipped: formatNumber(skipped.length, language),
        })}
      </p>
      <div className="page-actions">
        <Radio.Group
          aria-label={t('pilgrimImport.preview.show')}
          optionType="button"
          value={show}
          onChange={(event) => {
            setShow(event.target.value as Show);
            setPage(1);
          }}
          options={[
            { value: 'all', label: t('pilgrimImport.preview.showAll') },
            { value: 'problems', label: t('pilgrimImport.preview.showProblems') },
            { value: 'skipped', label: t('pilgrimImport.preview.showSkipped') },
          ]}
        />
        {withProblems.length > 0 && (
          <Button
            onClick={() =>
              onSkip(
                withProblems.map((row) => row.id),
                true,
              )
            }
          >
            {t('pilgrimImport.preview.skipAllProblems')}
          </Button>
        )}
      </div>
      <DataTable<ImportRow>
        label={t('pilgrimImport.preview.title')}
        className="import-preview"
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={visible as ImportRow[]}
        rowClassName={(row) => (row.skipped ? 'import-row--skipped' : '')}
        locale={{ emptyText: t(`pilgrimImport.preview.empty.${show}`) }}
        pagination={
          visible.length > PAGE_SIZE
            ? { current: page, pageSize: PAGE_SIZE, showSizeChanger: false, onChange: setPage }
            : false
        }
      />
      {withProblems.length > 0 && (
        <Alert
          className="import-alert"
          type="warning"
          showIcon
          title={t('pilgrimImport.preview.fixFirst', {
            count: withProblems.length,
            formatted: formatNumber(withProblems.length, language),
          })}
        />
      )}
      <div className="import-footer">
        <Button onClick={onBack}>{t('pilgrimImport.back')}</Button>
        <Button type="primary" disabled={withProblems.length > 0 || ready === 0} onClick={onImport}>
          {t('pilgrimImport.preview.import', { count: ready, formatted: formatNumber(ready, language) })}
        </Button>
      </div>
    </SectionCard>
  );
}
