import { useMutation, useQuery } from '@apollo/client/react';
import { Alert, Button, Descriptions, Space, Spin, Timeline } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isReadOnly } from '@/app/navigation';
import { useViewer } from '@/app/ViewerContext';
import {
  AnswerComplaintDocument,
  ComplaintDocument,
  EscalateComplaintDocument,
  ResolveComplaintDocument,
} from '@/generated/graphql';
import { useCityName } from '@/lib/cities';
import { DualDate } from '@/lib/DualDate';
import { PageHeader } from '@/lib/PageHeader';
import { QueryError } from '@/lib/QueryError';
import { SectionCard } from '@/lib/SectionCard';
import { StatusTag } from '@/lib/StatusTag';
import { useDocumentTitle } from '@/lib/useDocumentTitle';
import { useNow } from '../hooks/useCompliance';
import { complaintActions, type ComplaintAction } from '../lib/complianceActions';
import { ComplaintStatusTag, PartyName, SlaIndicator } from './ComplianceTags';
import { NoteDialog } from './NoteDialog';
import { UpheldViolationDialog } from './UpheldViolationDialog';
import './compliance.css';

/** One complaint: what happened, its SLA clock, every step so far, and the viewer's next steps. */
export function ComplaintPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const cityName = useCityName();
  const viewer = useViewer();
  const now = useNow();
  const [open, setOpen] = useState<ComplaintAction | 'fine' | null>(null);
  const [fined, setFined] = useState(false);
  const { data, loading, error, refetch } = useQuery(ComplaintDocument, { variables: { id } });
  const refresh = { refetchQueries: [{ query: ComplaintDocument, variables: { id } }], awaitRefetchQueries: true };
  const [answer] = useMutation(AnswerComplaintDocument, refresh);
  const [escalate] = useMutation(EscalateComplaintDocument, refresh);
  const [resolve] = useMutation(ResolveComplaintDocument, refresh);
  const complaint = data?.complaint;
  const title = complaint
    ? t('compliance.complaintTitle', { category: t(`complaintCategory.${complaint.category}`) })
    : t('compliance.complaint');
  useDocumentTitle(title);

  if (loading && !data)
    return (
      <Spin tip={t('compliance.loading')} size="large">
        <div className="compliance-loading" />
      </Spin>
    );
  if (error && !data) return <QueryError error={error} onRetry={() => void refetch()} />;
  if (!complaint)
    return (
      <>
        <PageHeader title={t('compliance.complaint')} />
        <Alert
          type="warning"
          showIcon
          title={t('compliance.complaintNotFound')}
          action={<Link to="/complaints">{t('compliance.backToComplaints')}</Link>}
        />
      </>
    );

  const actions = complaintActions(
    { role: viewer.role, companyId: viewer.company?.id, providerId: viewer.provider?.id },
    complaint,
  );
  // An upheld complaint may be fined once (the API refuses a second with VIOLATION_ALREADY_RECORDED).
  const canFine = viewer.role === 'MINISTRY_OFFICER' && complaint.status === 'RESOLVED' && complaint.upheld === true;
  return (
    <>
      <PageHeader
        title={title}
        tags={
          <Space>
            <ComplaintStatusTag status={complaint.status} />
            {isReadOnly(viewer.role) && <StatusTag tone="info">{t('common.readOnly')}</StatusTag>}
          </Space>
        }
        subtitle={<Link to="/complaints">{t('compliance.backToComplaints')}</Link>}
      />
      {fined && (
        <Alert
          className="compliance-toolbar"
          type="success"
          showIcon
          title={t('compliance.fineRecorded')}
          action={<Link to="/violations">{t('nav.violations')}</Link>}
        />
      )}
      {canFine && !fined && (
        <div className="compliance-toolbar">
          <Button onClick={() => setOpen('fine')}>{t('compliance.fineComplaint')}</Button>
        </div>
      )}
      {actions.length > 0 && (
        <div className="compliance-toolbar" role="group" aria-label={t('common.actions')}>
          {actions.includes('answer') && (
            <Button type="primary" onClick={() => setOpen('answer')}>
              {t('compliance.answer')}
            </Button>
          )}
          {actions.includes('escalate') && (
            <Button onClick={() => setOpen('escalate')}>{t('compliance.escalate')}</Button>
          )}
          {actions.includes('resolve') && (
            <Button type="primary" onClick={() => setOpen('resolve')}>
              {t('compliance.resolve')}
            </Button>
          )}
        </div>
      )}
      <div className="compliance-grid">
        <SectionCard title={t('compliance.details')}>
          <Descriptions
            column={1}
            size="small"
            bordered
            items={[
              {
                key: 'against',
                label: t('compliance.against'),
                children: <PartyName company={complaint.company} provider={complaint.provider} />,
              },
              {
                key: 'category',
                label: t('compliance.category'),
                children: t(`complaintCategory.${complaint.category}`),
              },
              { key: 'channel', label: t('compliance.channel'), children: t(`complaintChannel.${complaint.channel}`) },
              {
                key: 'where',
                label: t('compliance.city'),
                children: [cityName(complaint.city), complaint.site].filter(Boolean).join(' — '),
              },
              {
                key: 'description',
                label: t('compliance.description'),
                children: (
                  <span dir="auto" className="compliance-text">
                    {complaint.description}
                  </span>
                ),
              },
              {
                key: 'filedAt',
                label: t('compliance.filedAt'),
                children: <DualDate value={complaint.filedAt} withTime />,
              },
              ...(complaint.resolution
                ? [
                    {
                      key: 'resolution',
                      label: t('compliance.resolution'),
                      children: (
                        <span dir="auto" className="compliance-text">
                          {complaint.resolution}
                        </span>
                      ),
                    },
                    {
                      key: 'upheld',
                      label: t('compliance.finding'),
                      children:
                        complaint.upheld === null || complaint.upheld === undefined
                          ? t('compliance.resolvedByParty')
                          : complaint.upheld
                            ? t('compliance.upheld')
                            : t('compliance.notUpheld'),
                    },
                  ]
                : []),
            ]}
          />
        </SectionCard>
        <SectionCard title={t('compliance.sla.title')}>
          <Descriptions
            column={1}
            size="small"
            bordered
            items={[
              {
                key: 'state',
                label: t('compliance.sla.state'),
                children: <SlaIndicator clock={complaint} now={now} />,
              },
              {
                key: 'hours',
                label: t('compliance.sla.allowed'),
                children: t('compliance.sla.hours', { count: complaint.slaHours }),
              },
              {
                key: 'due',
                label: t('compliance.slaDueAt'),
                children: <DualDate value={complaint.slaDueAt} withTime />,
              },
              ...(complaint.resolvedAt
                ? [
                    {
                      key: 'resolvedAt',
                      label: t('compliance.resolvedAt'),
                      children: <DualDate value={complaint.resolvedAt} withTime />,
                    },
                  ]
                : []),
            ]}
          />
        </SectionCard>
      </div>
      <SectionCard title={t('compliance.history')}>
        <Timeline
          items={complaint.history.map((step) => ({
            key: step.id,
            content: (
              <div className="compliance-step">
                <strong>
                  {step.fromStatus === null || step.fromStatus === undefined
                    ? t('compliance.step.filed')
                    : step.fromStatus === step.toStatus
                      ? t('compliance.step.answered')
                      : t('compliance.step.moved', { status: t(`complaintStatus.${step.toStatus}`) })}
                </strong>
                {step.changedByRole && <span> · {t(`roles.${step.changedByRole}`)}</span>}
                <div>
                  <DualDate value={step.changedAt} inline withTime />
                </div>
                {step.note && (
                  <p dir="auto" className="compliance-text">
                    {step.note}
                  </p>
                )}
              </div>
            ),
          }))}
        />
      </SectionCard>
      {open === 'answer' && (
        <NoteDialog
          title={t('compliance.answer')}
          description={t('compliance.answerHelp')}
          noteLabel={t('compliance.answerText')}
          choice={{
            label: t('compliance.answerCloses'),
            yes: t('compliance.answerClosesYes'),
            no: t('compliance.answerClosesNo'),
            initial: false,
          }}
          onConfirm={(note, resolved) => answer({ variables: { id, answer: note, resolved } })}
          onClose={() => setOpen(null)}
        />
      )}
      {open === 'fine' && (
        <UpheldViolationDialog
          complaintId={complaint.id}
          companyId={complaint.company?.id}
          providerId={complaint.provider?.id}
          onRecorded={() => setFined(true)}
          onClose={() => setOpen(null)}
        />
      )}
      {open === 'escalate' && (
        <NoteDialog
          title={t('compliance.escalate')}
          description={t('compliance.escalateHelp')}
          noteLabel={t('compliance.reason')}
          onConfirm={(note) => escalate({ variables: { id, reason: note } })}
          onClose={() => setOpen(null)}
        />
      )}
      {open === 'resolve' && (
        <NoteDialog
          title={t('compliance.resolve')}
          description={t('compliance.resolveHelp')}
          noteLabel={t('compliance.resolution')}
          choice={{ label: t('compliance.upheldQuestion'), yes: t('compliance.upheld'), no: t('compliance.notUpheld') }}
          onConfirm={(note, upheld) => resolve({ variables: { id, resolution: note, upheld } })}
          onClose={() => setOpen(null)}
        />
      )}
    </>
  );
}
