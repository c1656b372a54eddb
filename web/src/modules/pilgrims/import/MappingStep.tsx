import { Alert, Button, Select } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { DataTable } from '@/lib/DataTable';
import { SectionCard } from '@/lib/SectionCard';
import { StatusTag } from '@/lib/StatusTag';
import type { CsvTable } from './csvFile';
import { IMPORT_FIELDS, OPTIONAL_FIELDS, unmappedRequired, type ColumnMapping, type ImportField } from './importFields';

interface MappingStepProps {
  table: CsvTable;
  mapping: ColumnMapping;
  /** What the file's headers named, to mark the guesses. */
  detected: ColumnMapping;
  onChange: (mapping: ColumnMapping) => void;
  onBack: () => void;
  onNext: () => void;
}

/** Step 2: which column of the file holds each field, guessed from the headers and adjustable. */
export function MappingStep({ table, mapping, detected, onChange, onBack, onNext }: MappingStepProps) {
  const { t } = useTranslation();
  const missing = unmappedRequired(mapping);
  const sample = table.records[0]?.cells ?? [];
  const usedBy = new Map<number, ImportField>();
  for (const field of IMPORT_FIELDS) {
    const column = mapping[field];
    if (column != null) usedBy.set(column, field);
  }

  const columns: ColumnsType<{ field: ImportField }> = [
    {
      key: 'field',
      title: t('pilgrimImport.mapping.field'),
      render: (_, { field }) => (
        <span className="import-mapping__field">
          <span id={`map-label-${field}`}>{t(`pilgrimImport.fields.${field}`)}</span>
          {OPTIONAL_FIELDS.has(field) && <StatusTag tone="neutral">{t('pilgrimImport.mapping.optional')}</StatusTag>}
        </span>
      ),
    },
    {
      key: 'column',
      title: t('pilgrimImport.mapping.column'),
      render: (_, { field }) => (
        <Select
          className="import-mapping__select"
          aria-labelledby={`map-label-${field}`}
          allowClear
          placeholder={t('pilgrimImport.mapping.none')}
          value={mapping[field] ?? undefined}
          status={!OPTIONAL_FIELDS.has(field) && mapping[field] == null ? 'error' : undefined}
          onChange={(value?: number) => onChange({ ...mapping, [field]: value ?? null })}
          options={table.headers.map((header, column) => ({
            value: column,
            label: header || t('pilgrimImport.mapping.untitled', { n: column + 1 }),
            // A column feeds one field: taken columns are offered only to the field that has them.
            disabled: usedBy.has(column) && usedBy.get(column) !== field,
          }))}
        />
      ),
    },
    {
      key: 'sample',
      title: t('pilgrimImport.mapping.sample'),
      render: (_, { field }) => {
        const column = mapping[field];
        const value = column == null ? '' : (sample[column] ?? '');
        return value ? <bdi className="import-mapping__sample">{value}</bdi> : '—';
      },
    },
    {
      key: 'status',
      title: t('pilgrimImport.mapping.status'),
      render: (_, { field }) => {
        if (mapping[field] == null) {
          return OPTIONAL_FIELDS.has(field) ? (
            <StatusTag tone="neutral">{t('pilgrimImport.mapping.notUsed')}</StatusTag>
          ) : (
            <StatusTag tone="error">{t('pilgrimImport.mapping.missing')}</StatusTag>
          );
        }
        return mapping[field] === detected[field] ? (
          <StatusTag tone="success">{t('pilgrimImport.mapping.detected')}</StatusTag>
        ) : (
          <StatusTag tone="info">{t('pilgrimImport.mapping.chosen')}</StatusTag>
        );
      },
    },
  ];

  return (
    <SectionCard title={t('pilgrimImport.mapping.title')}>
      <p>{t('pilgrimImport.mapping.intro')}</p>
      <DataTable<{ field: ImportField }>
        label={t('pilgrimImport.mapping.title')}
        rowKey="field"
        columns={columns}
        dataSource={IMPORT_FIELDS.map((field) => ({ field }))}
        size="small"
      />
      {missing.length > 0 && (
        <Alert
          className="import-alert"
          type="warning"
          showIcon
          title={t('pilgrimImport.mapping.missingFields', {
            fields: missing.map((field) => t(`pilgrimImport.fields.${field}`)).join(t('pilgrimImport.listSeparator')),
          })}
        />
      )}
      <div className="import-footer">
        <Button onClick={onBack}>{t('pilgrimImport.back')}</Button>
        <Button type="primary" disabled={missing.length > 0} onClick={onNext}>
          {t('pilgrimImport.next')}
        </Button>
      </div>
    </SectionCard>
  );
}
