import { Alert, Button, Form, Input, InputNumber, Select, Space } from 'antd';
import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PackageInventoryDocument, type BuilderItemFragment, type ServicePackageInput } from '@/generated/graphql';
import { ActionError } from '@/lib/ActionError';
import { DualDate } from '@/lib/DualDate';
import type { Language } from '@/lib/locale';
import { useCityName } from '@/lib/cities';
import { QueryError } from '@/lib/QueryError';
import { SectionCard } from '@/lib/SectionCard';
import { localized, useLanguage } from '@/lib/useLanguage';
import { availabilityPeriod, toPackageInput, type PackageFormValues } from '../lib/packageForm';

const KIND_ORDER = ['HOTEL', 'TRANSPORT', 'CATERING', 'ENRICHMENT', 'INSURANCE'] as const;

interface PackageBuilderProps {
  initial: PackageFormValues;
  /** Shown above the form, e.g. that saving sends an approved package back for approval. */
  warning?: string;
  onSave: (input: ServicePackageInput) => Promise<unknown>;
  onCancel?: () => void;
  /** Items the package already uses, offered even when outside the period read. */
  knownItems?: BuilderItemFragment[];
}

/** Compose a package: names, price, nights, sale window and components from Maqam inventory. */
export function PackageBuilder({ initial, warning, onSave, onCancel, knownItems = [] }: PackageBuilderProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<PackageFormValues>();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const saleStartsOn = Form.useWatch('saleStartsOn', form) ?? initial.saleStartsOn;
  const saleEndsOn = Form.useWatch('saleEndsOn', form) ?? initial.saleEndsOn;
  const options = useInventoryOptions(saleStartsOn, saleEndsOn, knownItems);

  const save = async (values: PackageFormValues) => {
    setSaving(true);
    setError(null);
    try {
      await onSave(toPackageInput(values));
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  return (
    <SectionCard title={t('maqam.builder')}>
      {warning && <Alert type="warning" showIcon title={warning} className="maqam-gap" />}
      <Form<PackageFormValues>
        form={form}
        name="packageBuilder"
        layout="vertical"
        requiredMark
        initialValues={initial}
        onFinish={(values) => void save(values)}
      >
        <div className="maqam-grid">
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
          <Form.Item
            label={t('maqam.priceSar')}
            name="priceSar"
            extra={t('maqam.priceHelp')}
            rules={[{ required: true, message: t('maqam.priceRequired') }]}
          >
            <InputNumber<number> min={0.01} step={0.01} precision={2} className="maqam-number" dir="ltr" />
          </Form.Item>
          <Form.Item label={t('packages.makkahNights')} name="makkahNights" rules={[{ required: true }]}>
            <InputNumber<number> min={0} max={90} precision={0} className="maqam-number" />
          </Form.Item>
          <Form.Item label={t('packages.madinahNights')} name="madinahNights" rules={[{ required: true }]}>
            <InputNumber<number> min={0} max={90} precision={0} className="maqam-number" />
          </Form.Item>
          <Form.Item
            label={t('maqam.saleStartsOn')}
            name="saleStartsOn"
            extra={<DualDate value={saleStartsOn} inline />}
            rules={[{ required: true }]}
          >
            <Input type="date" dir="ltr" />
          </Form.Item>
          <Form.Item
            label={t('maqam.saleEndsOn')}
            name="saleEndsOn"
            extra={<DualDate value={saleEndsOn} inline />}
            dependencies={['saleStartsOn']}
            rules={[
              { required: true },
              ({ getFieldValue }) => ({
                validator: async (_, value: string | undefined) => {
                  const start = getFieldValue('saleStartsOn') as string | undefined;
                  if (value && start && value <= start) throw new Error(t('maqam.saleEndsAfterStart'));
                },
              }),
            ]}
          >
            <Input type="date" dir="ltr" />
          </Form.Item>
        </div>
        <h3 className="maqam-subheading">{t('maqam.components')}</h3>
        <p className="maqam-help">{t('maqam.componentsHelp')}</p>
        {options.error !== undefined && <QueryError error={options.error} onRetry={options.refetch} />}
        <Form.List name="components">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <fieldset key={field.key} className="maqam-component">
                  <legend>{t('maqam.componentN', { n: index + 1 })}</legend>
                  <Form.Item
                    label={t('maqam.service')}
                    name={[field.name, 'itemId']}
                    rules={[{ required: true, message: t('maqam.serviceRequired') }]}
                    className="maqam-component__item"
                  >
                    <Select
                      showSearch={{ optionFilterProp: 'label' }}
                      loading={options.loading}
                      options={options.groups}
                      placeholder={t('maqam.pickService')}
                    />
                  </Form.Item>
                  <Form.Item label={t('maqam.dayOffset')} name={[field.name, 'dayOffset']} rules={[{ required: true }]}>
                    <InputNumber<number> min={0} max={90} precision={0} className="maqam-number" />
                  </Form.Item>
                  <Form.Item label={t('maqam.days')} name={[field.name, 'days']} rules={[{ required: true }]}>
                    <InputNumber<number> min={1} max={91} precision={0} className="maqam-number" />
                  </Form.Item>
                  <Button onClick={() => remove(field.name)} aria-label={t('maqam.removeComponent', { n: index + 1 })}>
                    {t('maqam.remove')}
                  </Button>
                </fieldset>
              ))}
              <Button onClick={() => add({ dayOffset: 0, days: 1 })} disabled={fields.length >= 30}>
                {t('maqam.addComponent')}
              </Button>
            </>
          )}
        </Form.List>
        {error !== null && (
          <div className="maqam-gap">
            <ActionError error={error} />
          </div>
        )}
        <Space className="maqam-actions">
          <Button type="primary" htmlType="submit" loading={saving}>
            {t('maqam.saveDraft')}
          </Button>
          {onCancel && <Button onClick={onCancel}>{t('common.cancel')}</Button>}
        </Space>
      </Form>
    </SectionCard>
  );
}

function itemLabel(item: BuilderItemFragment, language: Language, cityName: (c: string) => string): string {
  const provider = localized(language, item.provider.nameAr, item.provider.nameEn);
  return `${provider} — ${localized(language, item.nameAr, item.nameEn)} (${cityName(item.provider.city)})`;
}

/** Items open during the sale window (the first 92 days of it), grouped by kind of service. */
function useInventoryOptions(
  saleStartsOn: string | undefined,
  saleEndsOn: string | undefined,
  knownItems: BuilderItemFragment[],
) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const cityName = useCityName();
  const valid = Boolean(saleStartsOn && saleEndsOn && saleEndsOn > saleStartsOn);
  const period = valid ? availabilityPeriod(saleStartsOn!, saleEndsOn!) : null;
  const { data, previousData, loading, error, refetch } = useQuery(PackageInventoryDocument, {
    variables: { from: period?.from ?? '', to: period?.to ?? '' },
    skip: !period,
  });
  const open = (data ?? previousData)?.availability.edges.map((e) => e.node.item) ?? [];
  const items = [...open, ...knownItems.filter((known) => !open.some((item) => item.id === known.id))];
  const groups = KIND_ORDER.map((kind) => ({
    label: t(`providerKind.${kind}`),
    options: items
      .filter((item) => item.kind === kind)
      .map((item) => ({ value: item.id, label: itemLabel(item, language, cityName) })),
  })).filter((group) => group.options.length > 0);
  return { groups, loading, error, refetch: () => void refetch() };
}
