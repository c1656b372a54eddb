import { Alert, Form, Input, InputNumber, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REASON_MAX, REASON_MIN } from '@/lib/ReasonDialog';
import { formatNumber } from '@/lib/money';
import { useLanguage } from '@/lib/useLanguage';
import { LoyaltyActionError } from './LoyaltyActionError';

interface AdjustValues {
  points: number;
  reason: string;
}

interface AdjustDialogProps {
  companyName: string;
  balance: number;
  onConfirm: (points: number, reason: string) => Promise<unknown>;
  onClose: () => void;
}

/** An officer corrects a company's points, with the reason the company will read on its statement. */
export function AdjustDialog({ companyName, balance, onConfirm, onClose }: AdjustDialogProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const n = (value: number) => formatNumber(value, language);
  const [form] = Form.useForm<AdjustValues>();
  const points = Form.useWatch('points', form) ?? 0;
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const save = async (values: AdjustValues) => {
    setSending(true);
    setError(null);
    try {
      await onConfirm(values.points, values.reason.trim());
      onClose();
    } catch (e) {
      setError(e);
    } finally {
      setSending(false);
    }
  };
  return (
    <Modal
      open
      title={t('loyalty.adjustTitle', { company: companyName })}
      okText={t('loyalty.adjust')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: sending }}
      onOk={() => form.submit()}
      onCancel={sending ? undefined : onClose}
      maskClosable={false}
      destroyOnHidden
    >
      <p>{t('loyalty.adjustDescription')}</p>
      <Form<AdjustValues> form={form} name="adjust" layout="vertical" requiredMark onFinish={(v) => void save(v)}>
        <Form.Item
          label={t('loyalty.adjustPoints')}
          name="points"
          extra={t('loyalty.adjustPointsHelp', { balance: n(balance) })}
          rules={[
            { required: true, message: t('loyalty.required', { label: t('loyalty.adjustPoints') }) },
            {
              validator: async (_, value: number | undefined) => {
                if (value === 0) throw new Error(t('loyalty.adjustNotZero'));
                if (value !== undefined && balance + value < 0) throw new Error(t('loyalty.adjustBelowZero'));
              },
            },
          ]}
        >
          <InputNumber min={-10_000_000} max={10_000_000} precision={0} />
        </Form.Item>
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
          <Input.TextArea rows={3} maxLength={REASON_MAX} showCount />
        </Form.Item>
      </Form>
      {points !== 0 && (
        <Alert
          type="info"
          showIcon
          title={t('loyalty.adjustSummary', { from: n(balance), to: n(balance + Number(points)) })}
        />
      )}
      {error !== null && <LoyaltyActionError error={error} />}
    </Modal>
  );
}
