import { Alert, Button, Descriptions, Form, Input, Modal, Space } from 'antd';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionError } from './ActionError';
import { DualDate } from './DualDate';

export const REASON_MIN = 3;
export const REASON_MAX = 1000;

export interface ReasonValues {
  reason: string;
  /** The optional date field (e.g. end of a cure period), YYYY-MM-DD. */
  date?: string;
}

export interface ReasonDialogProps {
  open: boolean;
  /** The action, e.g. "Suspend licence"; also the confirm button's label. */
  title: string;
  /** What the action does, shown above the form. */
  description?: ReactNode;
  /** The question asked at the confirmation step, e.g. "Suspend the licence of Al-Safwa?". */
  confirmQuestion: string;
  /** Red confirm button for actions that stop a party working. */
  danger?: boolean;
  /** A date to ask for beside the reason. */
  dateField?: { label: string; help?: string; initial?: string; min?: string; required?: boolean };
  /** Runs the mutation; a rejection keeps the dialog open and shows why. */
  onConfirm: (values: ReasonValues) => Promise<unknown>;
  onClose: () => void;
}

/**
 * A decision that needs a reason, in two steps: write the reason (and a date where asked), then
 * confirm what will happen before anything is sent. The reason goes into the audit trail.
 */
export function ReasonDialog(props: ReasonDialogProps) {
  return props.open ? <ReasonDialogBody {...props} /> : null;
}

function ReasonDialogBody({
  title,
  description,
  confirmQuestion,
  danger,
  dateField,
  onConfirm,
  onClose,
}: ReasonDialogProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ReasonValues>();
  const [step, setStep] = useState<'reason' | 'confirm'>('reason');
  const [values, setValues] = useState<ReasonValues | null>(null);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const review = (next: ReasonValues) => {
    setValues({ ...next, reason: next.reason.trim() });
    setError(null);
    setStep('confirm');
  };

  const confirm = async () => {
    if (!values) return;
    setSending(true);
    setError(null);
    try {
      await onConfirm(values);
      onClose();
    } catch (e) {
      setError(e);
    } finally {
      setSending(false);
    }
  };

  const footer =
    step === 'reason'
      ? [
          <Button key="cancel" onClick={onClose}>
            {t('common.cancel')}
          </Button>,
          <Button key="next" type="primary" onClick={() => form.submit()}>
            {t('reasonDialog.review')}
          </Button>,
        ]
      : [
          <Button key="back" onClick={() => setStep('reason')} disabled={sending}>
            {t('reasonDialog.back')}
          </Button>,
          <Button key="confirm" type="primary" danger={danger} loading={sending} onClick={() => void confirm()}>
            {t('reasonDialog.confirm', { action: title })}
          </Button>,
        ];

  return (
    <Modal
      open
      title={title}
      onCancel={sending ? undefined : onClose}
      footer={footer}
      destroyOnHidden
      maskClosable={false}
    >
      {/* Kept mounted across steps so "Back" finds what was typed. */}
      <div hidden={step !== 'reason'}>
        {description && <div className="reason-dialog__description">{description}</div>}
        <Form<ReasonValues>
          form={form}
          name="reasonDialog"
          layout="vertical"
          requiredMark
          initialValues={{ date: dateField?.initial }}
          onFinish={review}
        >
          <Form.Item
            label={t('reasonDialog.reason')}
            name="reason"
            extra={t('reasonDialog.reasonHelp')}
            rules={[
              { required: true, whitespace: true, message: t('reasonDialog.reasonRequired') },
              { min: REASON_MIN, message: t('reasonDialog.reasonTooShort', { min: REASON_MIN }) },
              { max: REASON_MAX, message: t('reasonDialog.reasonTooLong', { max: REASON_MAX }) },
            ]}
          >
            <Input.TextArea rows={4} maxLength={REASON_MAX} showCount autoFocus />
          </Form.Item>
          {dateField && (
            <Form.Item
              label={dateField.label}
              name="date"
              extra={dateField.help}
              rules={[
                { required: dateField.required ?? false, message: t('reasonDialog.dateRequired') },
                {
                  validator: async (_, value: string | undefined) => {
                    if (value && dateField.min && value < dateField.min)
                      throw new Error(t('reasonDialog.dateTooEarly'));
                  },
                },
              ]}
            >
              <Input type="date" min={dateField.min} dir="ltr" />
            </Form.Item>
          )}
        </Form>
      </div>
      {step === 'confirm' && values && (
        <Space orientation="vertical" size="middle" className="reason-dialog__confirm">
          <Alert
            type={danger ? 'warning' : 'info'}
            showIcon
            title={confirmQuestion}
            description={t('reasonDialog.recorded')}
          />
          <Descriptions
            column={1}
            size="small"
            bordered
            items={[
              {
                key: 'reason',
                label: t('reasonDialog.reason'),
                children: (
                  <span className="reason-dialog__reason" dir="auto">
                    {values.reason}
                  </span>
                ),
              },
              ...(dateField
                ? [{ key: 'date', label: dateField.label, children: <DualDate value={values.date} /> }]
                : []),
            ]}
          />
          {error !== null && <ActionError error={error} />}
        </Space>
      )}
    </Modal>
  );
}
