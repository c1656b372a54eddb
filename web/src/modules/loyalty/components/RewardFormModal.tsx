import { Form, Input, InputNumber, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoyaltyRewardCategory } from '@/generated/graphql';
import { formatNumber } from '@/lib/money';
import { todayInRiyadh } from '@/lib/today';
import { useLanguage } from '@/lib/useLanguage';
import type { RewardRow } from '../hooks/useLoyalty';
import { LoyaltyActionError } from './LoyaltyActionError';

export const REWARD_CATEGORIES: LoyaltyRewardCategory[] = [
  'COMPUTER_SYSTEMS',
  'NETWORK_EQUIPMENT',
  'TOURISM_FORUM',
  'TRAINING',
  'OTHER',
];

export interface RewardFormValues {
  category: LoyaltyRewardCategory;
  nameAr: string;
  nameEn: string;
  descriptionAr: string;
  descriptionEn: string;
  costPoints: number;
  /** The stock of a new reward; for an existing one, the units to add or withdraw. */
  stock: number;
  activeFrom: string;
  activeUntil?: string;
}

interface RewardFormModalProps {
  /** The reward to edit; none to add one. */
  reward: RewardRow | null;
  onSave: (values: RewardFormValues) => Promise<unknown>;
  onClose: () => void;
}

/** Adds a reward to the catalogue or edits one; stock changes as units added or withdrawn. */
export function RewardFormModal({ reward, onSave, onClose }: RewardFormModalProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const [form] = Form.useForm<RewardFormValues>();
  const [sending, setSending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const required = (label: string) => [{ required: true, whitespace: true, message: t('loyalty.required', { label }) }];

  const save = async (values: RewardFormValues) => {
    setSending(true);
    setError(null);
    try {
      await onSave(values);
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
      title={reward ? t('loyalty.editReward') : t('loyalty.newReward')}
      okText={t('loyalty.saveReward')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: sending }}
      onOk={() => form.submit()}
      onCancel={sending ? undefined : onClose}
      maskClosable={false}
      destroyOnHidden
      width={640}
    >
      <Form<RewardFormValues>
        form={form}
        name="rewardForm"
        layout="vertical"
        requiredMark
        initialValues={
          reward
            ? {
                category: reward.category,
                nameAr: reward.nameAr,
                nameEn: reward.nameEn,
                descriptionAr: reward.descriptionAr,
                descriptionEn: reward.descriptionEn,
                costPoints: reward.costPoints,
                stock: 0,
                activeFrom: reward.activeFrom,
                activeUntil: reward.activeUntil ?? undefined,
              }
            : { category: 'COMPUTER_SYSTEMS', stock: 1, activeFrom: todayInRiyadh() }
        }
        onFinish={(values) => void save(values)}
      >
        <Form.Item label={t('loyalty.category')} name="category" rules={[{ required: true }]}>
          <Select options={REWARD_CATEGORIES.map((c) => ({ value: c, label: t(`rewardCategory.${c}`) }))} />
        </Form.Item>
        <Form.Item label={t('loyalty.nameAr')} name="nameAr" rules={required(t('loyalty.nameAr'))}>
          <Input maxLength={120} dir="rtl" lang="ar" />
        </Form.Item>
        <Form.Item label={t('loyalty.nameEn')} name="nameEn" rules={required(t('loyalty.nameEn'))}>
          <Input maxLength={120} dir="ltr" lang="en" />
        </Form.Item>
        <Form.Item label={t('loyalty.descriptionAr')} name="descriptionAr" rules={required(t('loyalty.descriptionAr'))}>
          <Input.TextArea rows={3} maxLength={2000} dir="rtl" lang="ar" />
        </Form.Item>
        <Form.Item label={t('loyalty.descriptionEn')} name="descriptionEn" rules={required(t('loyalty.descriptionEn'))}>
          <Input.TextArea rows={3} maxLength={2000} dir="ltr" lang="en" />
        </Form.Item>
        <Form.Item
          label={t('loyalty.costPoints')}
          name="costPoints"
          rules={[{ required: true, message: t('loyalty.required', { label: t('loyalty.costPoints') }) }]}
        >
          <InputNumber min={1} max={100_000_000} precision={0} />
        </Form.Item>
        <Form.Item
          label={reward ? t('loyalty.stockChange') : t('loyalty.stock')}
          name="stock"
          extra={reward ? t('loyalty.stockChangeHelp', { stock: formatNumber(reward.stock, language) }) : undefined}
          rules={[{ required: true, message: t('loyalty.required', { label: t('loyalty.stock') }) }]}
        >
          <InputNumber min={reward ? -reward.stock : 0} max={1_000_000} precision={0} />
        </Form.Item>
        <Form.Item
          label={t('loyalty.activeFrom')}
          name="activeFrom"
          rules={[{ required: true, message: t('loyalty.dateRequired') }]}
        >
          <Input type="date" dir="ltr" />
        </Form.Item>
        <Form.Item
          label={t('loyalty.activeUntil')}
          name="activeUntil"
          extra={t('loyalty.activeUntilHelp')}
          dependencies={['activeFrom']}
          rules={[
            ({ getFieldValue }) => ({
              validator: async (_, value: string | undefined) => {
                const from = getFieldValue('activeFrom') as string | undefined;
                if (value && from && value < from) throw new Error(t('loyalty.toBeforeFrom'));
              },
            }),
          ]}
        >
          <Input type="date" dir="ltr" />
        </Form.Item>
      </Form>
      {error !== null && <LoyaltyActionError error={error} />}
    </Modal>
  );
}
