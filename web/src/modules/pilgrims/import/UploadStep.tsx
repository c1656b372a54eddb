import { useQuery } from '@apollo/client/react';
import { InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Select, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ImportCompaniesDocument } from '@/generated/graphql';
import { downloadCsv, toCsv } from '@/lib/csv';
import { formatNumber } from '@/lib/money';
import { QueryError } from '@/lib/QueryError';
import { SectionCard } from '@/lib/SectionCard';
import { localized, useLanguage } from '@/lib/useLanguage';
import { MAX_FILE_ROWS, parseCsv, type CsvProblem, type CsvTable } from './csvFile';
import { sha256Hex } from './importChunks';
import { IMPORT_FIELDS } from './importFields';

export interface LoadedFile {
  name: string;
  /** SHA-256 of the file's text: part of every call's idempotency key. */
  hash: string;
  table: CsvTable;
}

interface UploadStepProps {
  isAgent: boolean;
  file: LoadedFile | null;
  companyId: string | null;
  onCompany: (companyId: string) => void;
  onFile: (file: LoadedFile | null) => void;
  onNext: () => void;
}

/** Step 1: the company (agents only), the template, and the file. */
export function UploadStep({ isAgent, file, companyId, onCompany, onFile, onNext }: UploadStepProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const [problem, setProblem] = useState<CsvProblem | null>(null);
  const [reading, setReading] = useState(false);

  const downloadTemplate = () => {
    const header = IMPORT_FIELDS.map((field) => t(`pilgrimImport.fields.${field}`));
    downloadCsv(`${t('pilgrimImport.templateName')}.csv`, toCsv(header, []));
  };

  const read = async (picked: File) => {
    setReading(true);
    setProblem(null);
    try {
      const text = await picked.text();
      const parsed = parseCsv(text);
      if ('problem' in parsed) {
        setProblem(parsed.problem);
        onFile(null);
      } else {
        onFile({ name: picked.name, hash: await sha256Hex(text), table: parsed.table });
      }
    } finally {
      setReading(false);
    }
  };

  const problemText = (p: CsvProblem): string => {
    switch (p.kind) {
      case 'empty':
        return t('pilgrimImport.upload.empty');
      case 'noRows':
        return t('pilgrimImport.upload.noRows');
      case 'tooManyRows':
        return t('pilgrimImport.upload.tooManyRows', {
          count: p.count,
          formatted: formatNumber(p.count, language),
          max: formatNumber(MAX_FILE_ROWS, language),
        });
      case 'quotes':
        return t('pilgrimImport.upload.quotes', { line: formatNumber(p.line, language) });
    }
  };

  const canContinue = file != null && (!isAgent || companyId != null);

  return (
    <SectionCard title={t('pilgrimImport.upload.title')}>
      <p>{t('pilgrimImport.upload.intro')}</p>
      <ul className="import-rules">
        <li>{t('pilgrimImport.upload.ruleDates')}</li>
        <li>{t('pilgrimImport.upload.ruleNationality')}</li>
        <li>{t('pilgrimImport.upload.ruleSex')}</li>
        <li>{t('pilgrimImport.upload.ruleMrz')}</li>
      </ul>
      <div className="page-actions">
        <Button onClick={downloadTemplate}>{t('pilgrimImport.upload.template')}</Button>
      </div>
      {isAgent && <CompanyPicker companyId={companyId} onCompany={onCompany} />}
      <Upload.Dragger
        accept=".csv,text/csv"
        multiple={false}
        showUploadList={false}
        disabled={reading}
        beforeUpload={(picked) => {
          void read(picked);
          return false;
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined aria-hidden />
        </p>
        <p className="ant-upload-text">{t('pilgrimImport.upload.drop')}</p>
        <p className="ant-upload-hint">{t('pilgrimImport.upload.hint')}</p>
      </Upload.Dragger>
      {problem && <Alert className="import-alert" type="error" showIcon title={problemText(problem)} />}
      {file && !problem && (
        <Alert
          className="import-alert"
          type="success"
          showIcon
          title={t('pilgrimImport.upload.loaded', {
            name: file.name,
            count: file.table.records.length,
            formatted: formatNumber(file.table.records.length, language),
            columns: formatNumber(file.table.headers.length, language),
          })}
        />
      )}
      <div className="import-footer">
        <Button type="primary" disabled={!canContinue} onClick={onNext}>
          {t('pilgrimImport.next')}
        </Button>
        {file && isAgent && companyId == null && (
          <span className="import-footer__hint">{t('pilgrimImport.upload.pickCompany')}</span>
        )}
      </div>
    </SectionCard>
  );
}

/** The companies an agent may register for: those with a contract in force. */
function CompanyPicker({ companyId, onCompany }: { companyId: string | null; onCompany: (id: string) => void }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { data, loading, error, refetch } = useQuery(ImportCompaniesDocument);
  if (error) return <QueryError error={error} onRetry={() => void refetch()} />;
  const companies = new Map(
    (data?.agencyContracts.edges ?? []).map(({ node }) => [
      node.company.id,
      localized(language, node.company.nameAr, node.company.nameEn),
    ]),
  );
  if (!loading && data && companies.size === 0) {
    return <Alert className="import-alert" type="warning" showIcon title={t('pilgrimImport.upload.noContracts')} />;
  }
  return (
    <Form layout="vertical" className="import-company">
      <Form.Item label={t('pilgrimImport.upload.company')} htmlFor="import-company" required>
        <Select
          id="import-company"
          loading={loading}
          value={companyId ?? undefined}
          onChange={onCompany}
          placeholder={t('pilgrimImport.upload.companyPlaceholder')}
          showSearch={{ optionFilterProp: 'label' }}
          options={[...companies].map(([value, label]) => ({ value, label }))}
        />
      </Form.Item>
    </Form>
  );
}
