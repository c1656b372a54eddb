import { Alert, Descriptions, Form, InputNumber, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '@/lib/money';
import { localized, useLanguage } from '@/lib/useLanguage';
import type { RewardRow } from '../hooks/useLoyalty';
import { maxQuantity } from '../lib/redemptionActions';
import { LoyaltyActionError } from './LoyaltyActionError';

interface RedeemDialogProps {
  reward: RewardRow;
  balance: number;
  /** Sends the request; a rejection keeps the dialog open and shows why. */
  onConfirm: (quantity: number) => Promise<unknown>;
  onClose: () => void;
}

/** A manager asks for a reward: how many, what it costs, what the balance will be. */
export function RedeemDialog({ reward, balance, onConfirm, onClose }: RedeemDialogProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const n = (value: number) => formatNumber(value, language);
  const max = maxQuantity(reward, balance);
  const [quantity, setQuantity] = useState(1);
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const total = reward.costPoints * quantity;
  const name = localized(language, reward.nameAr, reward.nameEn);

  const confirm = async () => {
    setSending(true);
    setError(null);
    try {
      await onConfirm(quantity);
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
      title={t('loyalty.redeemTitle', { name })}
      okText={t('loyalty.redeemConfirm')}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: max < 1 || quantity < 1 || quantity > max, loading: sending }}
      onOk={() => void confirm()}
      onCancel={sending ? undefined : onClose}
      maskClosable={false}
      destroyOnHidden
    >
      <p>{localized(language, reward.descriptionAr, reward.descriptionEn)}</p>
      <Form layout="vertical" name="redeem">
        <Form.Item label={t('loyalty.quantity')} extra={t('loyalty.quantityHelp', { max: n(max) })}>
          <InputNumber
            min={1}
            max={Math.max(1, max)}
            precision={0}
            value={quantity}
            onChange={(value) => setQuantity(Number(value ?? 1))}
            aria-label={t('loyalty.quantity')}
          />
        </Form.Item>
      </Form>
      <Descriptions
        column={1}
        size="small"
        bordered
        items={[
          { key: 'unit', label: t('loyalty.unitCost'), children: n(reward.costPoints) },
          { key: 'total', label: t('loyalty.totalCost'), children: n(total) },
          { key: 'balance', label: t('loyalty.balanceNow'), children: n(balance) },
          { key: 'after', label: t('loyalty.balanceAfter'), children: n(balance - total) },
        ]}
      />
      <Alert className="loyalty-dialog__note" type="info" showIcon title={t('loyalty.redeemHeld')} />
      {error !== null && <LoyaltyActionError error={error} />}
    </Modal>
  );
}
