import { useMutation } from '@apollo/client/react';
import { Form, Input, InputNumber, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CreateInventoryItemDocument,
  SetInventoryAllotmentsDocument,
  type MealPlan,
  type ProviderKind,
  type RoomType,
} from '@/generated/graphql';
import { ActionError } from '@/lib/ActionError';
import { todayInRiyadh } from '@/lib/today';
import { localized, useLanguage } from '@/lib/useLanguage';
import { sarToHalalas } from '@/modules/packages/lib/packageForm';

const ROOM_TYPES: RoomType[] = ['SINGLE', 'DOUBLE', 'TRIPLE', 'QUAD', 'SUITE'];
const MEAL_PLANS: MealPlan[] = ['BREAKFAST', 'HALF_BOARD', 'FULL_BOARD'];

interface ItemValues {
  code: string;
  nameAr: string;
  nameEn: string;
  roomType?: RoomType;
  mealPlan?: MealPlan;
  routeFrom?: string;
  routeTo?: string;
}

/** Runs a dialog's mutation, keeping the dialog open with the refusal when it fails. */
function useSend(onDone: () => void) {
  const [error, setError] = useState<unknown>(null);
  const [sending, setSending] = useState(false);
  const send = async (action: () => Promise<unknown>) => {
    setSending(true);
    setError(null);
    try {
      await action();
      onDone();
    } catch (e) {
      setError(e);
    } finally {
      setSending(false);
    }
  };
  return { error, sending, send };
}

export function CreateItemDialog({
  kind,
  onClose,
  onDone,
}: {
  kind: ProviderKind;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ItemValues>();
  const [create] = useMutation(CreateInventoryItemDocument);
  const { error, sending, send } = useSend(() => {
    onDone();
    onClose();
  });
  return (
    <Modal
      open
      title={t('maqam.newItem')}
      okText={t('maqam.createItem')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: sending }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      maskClosable={false}
    >
      <Form<ItemValues>
        form={form}
        name="createItem"
        layout="vertical"
        requiredMark
        onFinish={(values) => void send(() => create({ variables: { input: values } }))}
      >
        <Form.Item
          label={t('maqam.code')}
          name="code"
          extra={t('maqam.codeHelp')}
          rules={[{ required: true, pattern: /^[A-Za-z0-9_-]{2,40}$/, message: t('maqam.codeHelp') }]}
        >
          <Input dir="ltr" />
        </Form.Item>
        <Form.Item
          label={t('provider.nameAr')}
          name="nameAr"
          rules={[{ required: true, min: 2, max: 200, whitespace: true }]}
        >
          <Input dir="rtl" lang="ar" />
        </Form.Item>
        <Form.Item
          label={t('provider.nameEn')}
          name="nameEn"
          rules={[{ required: true, min: 2, max: 200, whitespace: true }]}
        >
          <Input dir="ltr" lang="en" />
        </Form.Item>
        {kind === 'HOTEL' && (
          <Form.Item label={t('maqam.roomType')} name="roomType" rules={[{ required: true }]}>
            <Select options={ROOM_TYPES.map((r) => ({ value: r, label: t(`maqam.roomTypes.${r}`) }))} />
          </Form.Item>
        )}
        {kind === 'CATERING' && (
          <Form.Item label={t('maqam.mealPlan')} name="mealPlan" rules={[{ required: true }]}>
            <Select options={MEAL_PLANS.map((m) => ({ value: m, label: t(`maqam.mealPlans.${m}`) }))} />
          </Form.Item>
        )}
        {kind === 'TRANSPORT' && (
          <>
            <Form.Item label={t('maqam.routeFrom')} name="routeFrom" rules={[{ required: true, min: 2, max: 80 }]}>
              <Input />
            </Form.Item>
            <Form.Item label={t('maqam.routeTo')} name="routeTo" rules={[{ required: true, min: 2, max: 80 }]}>
              <Input />
            </Form.Item>
          </>
        )}
      </Form>
      {error !== null && <ActionError error={error} />}
    </Modal>
  );
}

interface AllotmentValues {
  itemId: string;
  from: string;
  to: string;
  capacity: number;
  priceSar: number;
}

interface AllotmentDialogProps {
  items: { id: string; code: string; nameAr: string; nameEn: string }[];
  initialItemId?: string;
  onClose: () => void;
  onDone: () => void;
}

export function AllotmentDialog({ items, initialItemId, onClose, onDone }: AllotmentDialogProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const [form] = Form.useForm<AllotmentValues>();
  const [setAllotments] = useMutation(SetInventoryAllotmentsDocument);
  const { error, sending, send } = useSend(() => {
    onDone();
    onClose();
  });
  const today = todayInRiyadh();
  const submit = (values: AllotmentValues) => {
    const priceHalalas = sarToHalalas(values.priceSar);
    if (priceHalalas === null) return;
    void send(() =>
      setAllotments({
        variables: {
          input: { itemId: values.itemId, from: values.from, to: values.to, capacity: values.capacity, priceHalalas },
        },
      }),
    );
  };
  return (
    <Modal
      open
      title={t('maqam.setAllotments')}
      okText={t('maqam.saveAllotments')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: sending }}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
      maskClosable={false}
    >
      <p>{t('maqam.allotmentsHelp')}</p>
      <Form<AllotmentValues>
        form={form}
        name="setAllotments"
        layout="vertical"
        requiredMark
        initialValues={{ itemId: initialItemId, from: today, to: today }}
        onFinish={submit}
      >
        <Form.Item label={t('maqam.item')} name="itemId" rules={[{ required: true }]}>
          <Select
            options={items.map((i) => ({
              value: i.id,
              label: `${i.code} — ${localized(language, i.nameAr, i.nameEn)}`,
            }))}
          />
        </Form.Item>
        <Form.Item label={t('maqam.from')} name="from" rules={[{ required: true }]}>
          <Input type="date" dir="ltr" min={today} />
        </Form.Item>
        <Form.Item
          label={t('maqam.to')}
          name="to"
          dependencies={['from']}
          rules={[
            { required: true },
            ({ getFieldValue }) => ({
              validator: async (_, value: string | undefined) => {
                const from = getFieldValue('from') as string | undefined;
                if (value && from && value < from) throw new Error(t('maqam.toAfterFrom'));
              },
            }),
          ]}
        >
          <Input type="date" dir="ltr" min={today} />
        </Form.Item>
        <Form.Item
          label={t('maqam.capacity')}
          name="capacity"
          extra={t('maqam.capacityHelp')}
          rules={[{ required: true }]}
        >
          <InputNumber<number> min={0} max={100000} precision={0} className="maqam-number" />
        </Form.Item>
        <Form.Item label={t('maqam.priceSar')} name="priceSar" rules={[{ required: true }]}>
          <InputNumber<number> min={0} max={1000000} step={0.01} precision={2} className="maqam-number" dir="ltr" />
        </Form.Item>
      </Form>
      {error !== null && <ActionError error={error} />}
    </Modal>
  );
}
