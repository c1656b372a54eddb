import { useMutation } from '@apollo/client/react';
import { Form, Input, InputNumber, Modal } from 'antd';
import { useTranslation } from 'react-i18next';
import { RecordViolationDocument } from '@/generated/graphql';
import { ComplianceActionError } from './ComplianceActionError';

const MAX_FINE_SAR = 50_000;

interface Values {
  fineSar: number;
  details: string;
}

interface UpheldViolationDialogProps {
  complaintId: string;
  companyId?: string | null;
  providerId?: string | null;
  onRecorded: () => void;
  onClose: () => void;
}

/** An officer fines an upheld complaint: one COMPLAINT_UPHELD violation per complaint, named by it. */
export function UpheldViolationDialog({
  complaintId,
  companyId,
  providerId,
  onRecorded,
  onClose,
}: UpheldViolationDialogProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<Values>();
  const [record, { loading, error }] = useMutation(RecordViolationDocument);
  const submit = async (v: Values) => {
    const result = await record({
      variables: {
        input: {
          type: 'COMPLAINT_UPHELD',
          complaintId,
          companyId: companyId ?? null,
          providerId: companyId ? null : (providerId ?? null),
          // Whole halalas from a SAR amount with at most two decimals.
          fineHalalas: Math.round(v.fineSar * 100),
          details: v.details.trim(),
        },
      },
    }).catch(() => null);
    if (result?.data) {
      onRecorded();
      onClose();
    }
  };
  return (
    <Modal
      open
      title={t('compliance.fineComplaint')}
      okText={t('compliance.fineComplaint')}
      okButtonProps={{ loading }}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={loading ? undefined : onClose}
      destroyOnHidden
      maskClosable={false}
    >
      <p>{t('compliance.fineComplaintHelp')}</p>
      <Form<Values> form={form} name="upheldViolation" layout="vertical" requiredMark onFinish={(v) => void submit(v)}>
        <Form.Item
          label={t('compliance.fineSar')}
          name="fineSar"
          extra={t('compliance.fineHelp')}
          rules={[{ required: true, message: t('compliance.fineRequired') }]}
        >
          <InputNumber min={0} max={MAX_FINE_SAR} step={1000} precision={2} className="compliance-number" dir="ltr" />
        </Form.Item>
        <Form.Item
          label={t('compliance.violationDetails')}
          name="details"
          rules={[
            { required: true, whitespace: true, message: t('compliance.detailsRequired') },
            { min: 3, max: 2000, message: t('compliance.detailsLength') },
          ]}
        >
          <Input.TextArea rows={3} maxLength={2000} showCount />
        </Form.Item>
      </Form>
      {error && <ComplianceActionError error={error} />}
    </Modal>
  );
}
