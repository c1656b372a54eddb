import { Steps } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import { useViewer } from '@/app/ViewerContext';
import { PageHeader } from '@/lib/PageHeader';
import { todayInRiyadh } from '@/lib/today';
import { useDocumentTitle } from '@/lib/useDocumentTitle';
import { ImportProgress } from './ImportProgress';
import { ImportResults } from './ImportResults';
import { detectMapping, type ColumnMapping, type ImportField } from './importFields';
import { MappingStep } from './MappingStep';
import { PreviewStep } from './PreviewStep';
import { rowProblems, rowsFromRecords, hasProblems, type ImportRow, type RowProblems } from './rowValidation';
import { UploadStep, type LoadedFile } from './UploadStep';
import { useImportRun } from './useImportRun';
import './pilgrimImport.css';

const STEPS = ['upload', 'mapping', 'preview', 'progress', 'results'] as const;
type Step = (typeof STEPS)[number];

/** Registering many pilgrims from a CSV file: for a company's managers and contracted agents. */
export function PilgrimImportPage() {
  const { t } = useTranslation();
  const { role } = useViewer();
  useDocumentTitle(t('pilgrimImport.title'));
  if (role !== 'COMPANY_MANAGER' && role !== 'AGENT') return <Navigate to="/pilgrims" replace />;
  return <ImportWizard isAgent={role === 'AGENT'} />;
}

function ImportWizard({ isAgent }: { isAgent: boolean }) {
  const { t } = useTranslation();
  const [step, setStep] = useState<Step>('upload');
  const [file, setFile] = useState<LoadedFile | null>(null);
  const [companyId, setCompanyId] = useState<string | null>(null);
  const [detected, setDetected] = useState<ColumnMapping | null>(null);
  const [mapping, setMapping] = useState<ColumnMapping | null>(null);
  const [rows, setRows] = useState<ImportRow[]>([]);
  const { state: run, run: send, stop, reset } = useImportRun(file?.hash ?? '', isAgent ? companyId : null);

  const today = todayInRiyadh();
  const problems = useMemo(
    () => new Map<number, RowProblems>(rows.map((row) => [row.id, rowProblems(row.values, today)])),
    [rows, today],
  );
  const toSend = rows.filter((row) => !row.skipped && !hasProblems(problems.get(row.id) ?? {}));

  const loadFile = (loaded: LoadedFile | null) => {
    setFile(loaded);
    reset();
    if (loaded) {
      const guess = detectMapping(loaded.table.headers);
      setDetected(guess);
      setMapping(guess);
    }
  };

  const toPreview = () => {
    if (!file || !mapping) return;
    setRows(rowsFromRecords(file.table.records, mapping));
    reset();
    setStep('preview');
  };

  const edit = (rowId: number, field: ImportField, value: string) =>
    setRows((current) =>
      current.map((row) => (row.id === rowId ? { ...row, values: { ...row.values, [field]: value } } : row)),
    );

  const skip = (rowIds: readonly number[], skipped: boolean) => {
    const ids = new Set(rowIds);
    setRows((current) => current.map((row) => (ids.has(row.id) ? { ...row, skipped } : row)));
  };

  const start = async () => {
    setStep('progress');
    await send(toSend);
  };

  // The run reports back through its state; once every row is answered the results follow.
  const shownStep: Step = step === 'progress' && run.status === 'done' ? 'results' : step;

  const startOver = () => {
    loadFile(null);
    setRows([]);
    setMapping(null);
    setDetected(null);
    setStep('upload');
  };

  return (
    <>
      <p className="back-link">
        <Link to="/pilgrims">{t('pilgrimImport.backToList')}</Link>
      </p>
      <PageHeader title={t('pilgrimImport.title')} subtitle={t('pilgrimImport.subtitle')} />
      <Steps
        className="import-steps"
        size="small"
        current={STEPS.indexOf(shownStep)}
        items={STEPS.map((s) => ({ title: t(`pilgrimImport.steps.${s}`) }))}
      />
      {shownStep === 'upload' && (
        <UploadStep
          isAgent={isAgent}
          file={file}
          companyId={companyId}
          onCompany={(id) => {
            setCompanyId(id);
            reset();
          }}
          onFile={loadFile}
          onNext={() => setStep('mapping')}
        />
      )}
      {shownStep === 'mapping' && file && mapping && detected && (
        <MappingStep
          table={file.table}
          mapping={mapping}
          detected={detected}
          onChange={setMapping}
          onBack={() => setStep('upload')}
          onNext={toPreview}
        />
      )}
      {shownStep === 'preview' && mapping && (
        <PreviewStep
          rows={rows}
          problems={problems}
          mapping={mapping}
          onEdit={(id, field, value) => {
            reset();
            edit(id, field, value);
          }}
          onSkip={(ids, skipped) => {
            reset();
            skip(ids, skipped);
          }}
          onBack={() => setStep('mapping')}
          onImport={() => void start()}
        />
      )}
      {shownStep === 'progress' && (
        <ImportProgress
          state={run}
          onStop={stop}
          onResume={() => void send(toSend)}
          onResults={() => setStep('results')}
        />
      )}
      {shownStep === 'results' && (
        <ImportResults rows={rows} problems={problems} outcomes={run.outcomes} onAnother={startOver} />
      )}
    </>
  );
}
