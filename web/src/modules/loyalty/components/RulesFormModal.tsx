import { Col, Form, Input, InputNumber, Modal, Row } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoyaltyRulesFragment, SetLoyaltyEarningRulesInput } from '@/generated/graphql';
import { REASON_MAX, REASON_MIN } from '@/lib/ReasonDialog';
import { LoyaltyActionError } from './LoyaltyActionError';

type RulesValues = Omit<SetLoyaltyEarningRulesInput, 'effectiveFrom'> & { effectiveFrom?: string };

type RuleField =
  | 'pointsPerPilgrim'
  | 'visaIssuedBonus'
  | 'silverFrom'
  | 'goldFrom'
  | 'platinumFrom'
  | 'silverMultiplierPercent'
  | 'goldMultiplierPercent'
  | 'platinumMultiplierPercent'
  | 'expiryMonths'
  | 'expiryNoticeDays';

const NUMBERS: { name: RuleField; min: number; max: number }[] = [
  { name: 'pointsPerPilgrim', min: 1, max: 100_000 },
  { name: 'visaIssuedBonus', min: 0, max: 100_000 },
  { name: 'silverFrom', min: 1, max: 10_000_000 },
  { name: 'goldFrom', min: 1, max: 10_000_000 },
  { name: 'platinumFrom', min: 1, max: 10_000_000 },
  { name: 'silverMultiplierPercent', min: 100, max: 500 },
  { name: 'goldMultiplierPercent', min: 100, max: 500 },
  { name: 'platinumMultiplierPercent', min: 100, max: 500 },
  { name: 'expiryMonths', min: 1, max: 120 },
  { name: 'expiryNoticeDays', min: 1, max: 365 },
];

/**
 * An officer announces a new version of the earning rules, starting from the latest one. It applies
 * to points earned from its effective time; points already earned keep their rules.
 */
export function RulesFormModal({
  latest,
  onSave,
  onClose,
}: {
  latest: LoyaltyRulesFragment;
  onSave: (input: SetLoyaltyEarningRulesInput) => Promise<unknown>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<RulesValues>();
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const save = async ({ effectiveFrom, ...values }: RulesValues) => {
    setSending(true);
    setError(null);
    try {
      // A local date-time from the picker is read on the Riyadh clock (UTC+3 all year).
      await onSave({
        ...values,
        reason: values.reason.trim(),
        effectiveFrom: effectiveFrom ? new Date(`${effectiveFrom}:00+03:00`).toISOString() : null,
      });
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
      title={t('loyalty.newRules')}
      okText={t('loyalty.saveRules')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: sending }}
      onOk={() => form.submit()}
      onCancel={sending ? undefined : onClose}
      maskClosable={false}
      destroyOnHidden
      width={720}
    >
      <p>{t('loyalty.newRulesDescription')}</p>
      <Form<RulesValues>
        form={form}
        name="rulesForm"
        layout="vertical"
        requiredMark
        initialValues={{
          season: latest.season,
          pointsPerPilgrim: latest.pointsPerPilgrim,
          visaIssuedBonus: latest.visaIssuedBonus,
          silverFrom: latest.silverFrom,
          goldFrom: latest.goldFrom,
          platinumFrom: latest.platinumFrom,
          silverMultiplierPercent: latest.silverMultiplierPercent,
          goldMultiplierPercent: latest.goldMultiplierPercent,
          platinumMultiplierPercent: latest.platinumMultiplierPercent,
          expiryMonths: latest.expiryMonths,
          expiryNoticeDays: latest.expiryNoticeDays,
        }}
        onFinish={(values) => void save(values)}
      >
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              label={t('loyalty.season')}
              name="season"
              rules={[{ required: true, pattern: /^[0-9]{4}$/, message: t('loyalty.seasonFormat') }]}
            >
              <Input dir="ltr" maxLength={4} />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item label={t('loyalty.effectiveFrom')} name="effectiveFrom" extra={t('loyalty.effectiveFromHelp')}>
              <Input type="datetime-local" dir="ltr" />
            </Form.Item>
          </Col>
          {NUMBERS.map(({ name, min, max }) => (
            <Col key={name} xs={24} md={12}>
              <Form.Item
                label={t(`loyalty.ruleFields.${name}`)}
                name={name}
                rules={[{ required: true, message: t('loyalty.required', { label: t(`loyalty.ruleFields.${name}`) }) }]}
              >
                <InputNumber min={min} max={max} precision={0} />
              </Form.Item>
            </Col>
          ))}
        </Row>
        <Form.Item
          label={t('reasonDialog.reason')}
          name="reason"
          rules={[
            { required: true, whitespace: true, message: t('reasonDialog.reasonRequired') },
            { min: REASON_MIN, message: t('reasonDialog.reasonTooShort', { min: REASON_MIN }) },
            { max: REASON_MAX, message: t('reasonDialog.reasonTooLong', { max: REASON_MAX }) },
          ]}
        >
          <Input.TextArea rows={3} maxLength={REASON_MAX} showCount />
        </Form.Item>
      </Form>
      {error !== null && <LoyaltyActionError error={error} />}
    </Modal>
  );
}
