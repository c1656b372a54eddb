import { useMutation, useQuery } from '@apollo/client/react';
import { Descriptions, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BookablePackagesDocument, BookingPilgrimsDocument, BookPackageDocument } from '@/generated/graphql';
import { ActionError } from '@/lib/ActionError';
import { DualDate } from '@/lib/DualDate';
import { useDebouncedValue } from '@/lib/useDebouncedValue';
import { localized, useLanguage } from '@/lib/useLanguage';
import { addDays } from '@/modules/packages/lib/packageForm';

interface PilgrimOption {
  value: string;
  label: string;
  disabled: boolean;
}

interface BookValues {
  packageId: string;
  pilgrimId: string;
  startsOn: string;
}

/** Book one of the company's pilgrims on an approved package; the stay lasts the package's nights. */
export function BookDialog({ open, onClose, onBooked }: { open: boolean; onClose: () => void; onBooked: () => void }) {
  return open ? <BookDialogBody onClose={onClose} onBooked={onBooked} /> : null;
}

function BookDialogBody({ onClose, onBooked }: { onClose: () => void; onBooked: () => void }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const [form] = Form.useForm<BookValues>();
  const [search, setSearch] = useState('');
  const debounced = useDebouncedValue(search);
  // One key per dialog: a retried click after a lost answer returns the same booking.
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const [error, setError] = useState<unknown>(null);
  const packages = useQuery(BookablePackagesDocument);
  const pilgrims = useQuery(BookingPilgrimsDocument, { variables: { search: debounced.trim() || null } });
  // The chosen pilgrim stays labelled once the search moves on to other names.
  const [chosen, setChosen] = useState<PilgrimOption | null>(null);
  const found: PilgrimOption[] =
    (pilgrims.data ?? pilgrims.previousData)?.pilgrims.edges.map(({ node }) => ({
      value: node.id,
      disabled: Boolean(node.booking),
      label: `${localized(language, node.fullNameAr, node.fullNameEn)} · ${node.passportNumber}${node.booking ? ` · ${t('maqam.alreadyBooked')}` : ''}`,
    })) ?? [];
  const pilgrimOptions = chosen && !found.some((o) => o.value === chosen.value) ? [chosen, ...found] : found;
  const [book, bookState] = useMutation(BookPackageDocument);
  const packageId = Form.useWatch('packageId', form);
  const startsOn = Form.useWatch('startsOn', form);
  const pkg = packages.data?.servicePackages.edges.map((e) => e.node).find((p) => p.id === packageId);
  const endsOn = pkg && startsOn ? addDays(startsOn, pkg.makkahNights + pkg.madinahNights) : null;

  const submit = async (values: BookValues) => {
    if (!endsOn) return;
    setError(null);
    try {
      await book({ variables: { idempotencyKey, input: { ...values, endsOn } } });
      onBooked();
      onClose();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <Modal
      open
      title={t('maqam.bookPilgrim')}
      okText={t('maqam.book')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      okButtonProps={{ loading: bookState.loading }}
      onCancel={onClose}
      destroyOnHidden
      maskClosable={false}
    >
      <Form<BookValues> form={form} name="bookPackage" layout="vertical" requiredMark onFinish={(v) => void submit(v)}>
        <Form.Item
          label={t('maqam.package')}
          name="packageId"
          rules={[{ required: true, message: t('maqam.packageRequired') }]}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={packages.loading}
            notFoundContent={t('maqam.noApprovedPackages')}
            options={packages.data?.servicePackages.edges.map(({ node }) => ({
              value: node.id,
              label: `${localized(language, node.nameAr, node.nameEn)} (${t('maqam.nightsN', { n: node.makkahNights + node.madinahNights })})`,
            }))}
          />
        </Form.Item>
        <Form.Item
          label={t('maqam.pilgrim')}
          name="pilgrimId"
          rules={[{ required: true, message: t('maqam.pilgrimRequired') }]}
        >
          <Select
            showSearch={{ filterOption: false, onSearch: setSearch }}
            loading={pilgrims.loading}
            notFoundContent={t('maqam.noPilgrimsFound')}
            placeholder={t('maqam.searchPilgrim')}
            options={pilgrimOptions}
            onChange={(value: string) => setChosen(found.find((o) => o.value === value) ?? null)}
          />
        </Form.Item>
        <Form.Item
          label={t('maqam.startsOn')}
          name="startsOn"
          extra={
            <>
              {startsOn && (
                <div>
                  <DualDate value={startsOn} inline />
                </div>
              )}
              {pkg && t('maqam.startsOnHelp', { from: pkg.saleStartsOn, to: pkg.saleEndsOn })}
            </>
          }
          rules={[{ required: true, message: t('maqam.startsOnRequired') }]}
        >
          <Input type="date" dir="ltr" min={pkg?.saleStartsOn} max={pkg?.saleEndsOn} />
        </Form.Item>
      </Form>
      {endsOn && (
        <Descriptions
          size="small"
          column={1}
          bordered
          items={[{ key: 'ends', label: t('maqam.endsOn'), children: <DualDate value={endsOn} /> }]}
        />
      )}
      {error !== null && <ActionError error={error} />}
    </Modal>
  );
}
