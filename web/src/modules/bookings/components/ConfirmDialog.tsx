import { Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionError } from '@/lib/ActionError';

const PAYMENT_REFERENCE = /^[A-Za-z0-9\-/_]{3,64}$/;

interface ConfirmDialogProps {
  bookingReference: string | null;
  onConfirm: (paymentReference: string) => Promise<unknown>;
  onClose: () => void;
}

/** Confirm a held booking once paid, naming the payment. */
export function ConfirmDialog({ bookingReference, onConfirm, onClose }: ConfirmDialogProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ paymentReference: string }>();
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  if (!bookingReference) return null;
  const submit = async ({ paymentReference }: { paymentReference: string }) => {
    setSending(true);
    setError(null);
    try {
      await onConfirm(paymentReference.trim());
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
      title={t('maqam.confirmBookingTitle', { brn: bookingReference })}
      okText={t('maqam.confirmBooking')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: sending }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      maskClosable={false}
    >
      <Form form={form} name="confirmBooking" layout="vertical" requiredMark onFinish={(v) => void submit(v)}>
        <Form.Item
          label={t('maqam.paymentReference')}
          name="paymentReference"
          extra={t('maqam.paymentReferenceHelp')}
          rules={[{ required: true, pattern: PAYMENT_REFERENCE, message: t('maqam.paymentReferenceHelp') }]}
        >
          <Input dir="ltr" autoFocus maxLength={64} />
        </Form.Item>
      </Form>
      {error !== null && <ActionError error={error} />}
    </Modal>
  );
}
