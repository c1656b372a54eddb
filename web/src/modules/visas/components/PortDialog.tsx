import { Button, Form, Input, Modal, Radio } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PortKind } from '@/generated/graphql';
import { formatDual } from '@/lib/dates';
import { todayInRiyadh } from '@/lib/today';
import { useLanguage } from '@/lib/useLanguage';
import { VisaActionError } from './VisaActionError';

const PORT_KINDS: readonly PortKind[] = ['AIR', 'LAND', 'SEA'];

export interface PortValues {
  day: string;
  port: string;
  portKind?: PortKind;
}

interface PortDialogProps {
  kind: 'recordArrival' | 'recordDeparture';
  /** The earliest day allowed (issuance for an arrival, entry for a departure), YYYY-MM-DD. */
  min?: string | null;
  /** The last day of the entry window, for an arrival. */
  enterBy?: string | null;
  onConfirm: (values: PortValues) => Promise<unknown>;
  onClose: () => void;
}

/** Records the pilgrim's entry (day, port, kind of port) or exit (day, port); the API checks the dates again. */
export function PortDialog({ kind, min, enterBy, onConfirm, onClose }: PortDialogProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const [form] = Form.useForm<PortValues>();
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const today = todayInRiyadh();
  const arrival = kind === 'recordArrival';
  const max = arrival && enterBy && enterBy < today ? enterBy : today;
  const enterByText = enterBy ? formatDual(enterBy, language).hijri : '—';

  const submit = async (values: PortValues) => {
    setSending(true);
    setError(null);
    try {
      await onConfirm({ ...values, port: values.port.trim() });
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
      title={t(`visas.actions.${kind}.title`)}
      onCancel={sending ? undefined : onClose}
      maskClosable={false}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={onClose} disabled={sending}>
          {t('common.cancel')}
        </Button>,
        <Button key="confirm" type="primary" loading={sending} onClick={() => form.submit()}>
          {t(`visas.actions.${kind}.confirm`)}
        </Button>,
      ]}
    >
      <p>{t(`visas.actions.${kind}.intro`)}</p>
      <Form<PortValues>
        form={form}
        name={kind}
        layout="vertical"
        requiredMark
        initialValues={{ day: today, portKind: arrival ? 'AIR' : undefined }}
        onFinish={(values) => void submit(values)}
      >
        <Form.Item
          label={t(arrival ? 'visas.actions.recordArrival.arrivedOn' : 'visas.actions.recordDeparture.departedOn')}
          name="day"
          extra={
            arrival
              ? t('visas.actions.recordArrival.arrivedOnHelp', { enterBy: enterByText })
              : t('visas.actions.recordDeparture.departedOnHelp')
          }
          rules={[
            { required: true, message: t('visas.actions.dateRequired') },
            {
              validator: async (_, value: string | undefined) => {
                if (value && value > today) throw new Error(t('visas.actions.dateInFuture'));
              },
            },
          ]}
        >
          <Input type="date" min={min ?? undefined} max={max} dir="ltr" />
        </Form.Item>
        <Form.Item
          label={t(`visas.actions.${kind}.port`)}
          name="port"
          extra={t(`visas.actions.${kind}.portHelp`)}
          rules={[
            { required: true, whitespace: true, message: t('visas.actions.portRequired') },
            { min: 2, max: 80, message: t('visas.actions.portRequired') },
          ]}
        >
          <Input maxLength={80} autoComplete="off" dir="auto" />
        </Form.Item>
        {arrival && (
          <Form.Item
            label={t('visas.actions.recordArrival.portKind')}
            name="portKind"
            rules={[{ required: true, message: t('visas.actions.portKindRequired') }]}
          >
            <Radio.Group
              options={PORT_KINDS.map((value) => ({ value, label: t(`portKind.${value}`) }))}
              optionType="button"
            />
          </Form.Item>
        )}
      </Form>
      {error !== null && <VisaActionError error={error} />}
    </Modal>
  );
}
