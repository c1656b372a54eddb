import { useMutation } from '@apollo/client/react';
import { Button, Card, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { RecordInspectionDocument, type PartyKind, type ViolationType } from '@/generated/graphql';
import { KNOWN_CITIES, useCityName } from '@/lib/cities';
import { todayInRiyadh } from '@/lib/today';
import { useComplianceParties } from '../hooks/useCompliance';
import { ComplianceActionError } from './ComplianceActionError';
import { VIOLATION_TYPES } from './ViolationsPage';

const MAX_FINE_SAR = 50_000;

interface ViolationValues {
  type: ViolationType;
  fineSar: number;
  details: string;
  against?: PartyKind;
}

interface Values {
  companyId?: string;
  providerId?: string;
  city: string;
  site: string;
  visitedOn: string;
  findings: string;
  violations?: ViolationValues[];
}

/** An officer records a field visit and, in the same form, the violations it found. */
export function RecordInspectionDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const cityName = useCityName();
  const parties = useComplianceParties();
  const [form] = Form.useForm<Values>();
  const companyId = Form.useWatch('companyId', form);
  const providerId = Form.useWatch('providerId', form);
  const both = Boolean(companyId && providerId);
  const [record, { loading, error }] = useMutation(RecordInspectionDocument, {
    refetchQueries: ['Inspections', 'Violations'],
  });
  const today = todayInRiyadh();
  const submit = async (v: Values) => {
    const result = await record({
      variables: {
        input: {
          companyId: v.companyId ?? null,
          providerId: v.providerId ?? null,
          city: v.city,
          site: v.site.trim(),
          visitedOn: v.visitedOn,
          findings: v.findings.trim(),
          violations: (v.violations ?? []).map((x) => ({
            type: x.type,
            // Whole halalas from a SAR amount with at most two decimals.
            fineHalalas: Math.round(x.fineSar * 100),
            details: x.details.trim(),
            against: both ? (x.against ?? null) : null,
          })),
        },
      },
    }).catch(() => null);
    if (result?.data) onClose();
  };
  return (
    <Modal
      open
      title={t('compliance.recordInspection')}
      okText={t('compliance.recordInspectionSubmit')}
      okButtonProps={{ loading }}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={loading ? undefined : onClose}
      destroyOnHidden
      maskClosable={false}
      width={720}
    >
      <Form<Values>
        form={form}
        name="recordInspection"
        layout="vertical"
        requiredMark
        initialValues={{ city: 'Makkah', visitedOn: today, violations: [] }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item
          label={t('compliance.company')}
          name="companyId"
          dependencies={['providerId']}
          rules={[
            ({ getFieldValue }) => ({
              validator: async (_, value: string | undefined) => {
                if (!value && !getFieldValue('providerId')) throw new Error(t('compliance.inspectionPartyRequired'));
              },
            }),
          ]}
        >
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={parties.companies} />
        </Form.Item>
        <Form.Item label={t('compliance.provider')} name="providerId">
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} options={parties.providers} />
        </Form.Item>
        <Form.Item
          label={t('compliance.city')}
          name="city"
          rules={[{ required: true, message: t('compliance.cityRequired') }]}
        >
          <Select options={KNOWN_CITIES.map((c) => ({ value: c, label: cityName(c) }))} />
        </Form.Item>
        <Form.Item
          label={t('compliance.site')}
          name="site"
          rules={[
            { required: true, whitespace: true, message: t('compliance.siteRequired') },
            { min: 2, max: 200, message: t('compliance.siteLength') },
          ]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          label={t('compliance.visitedOn')}
          name="visitedOn"
          extra={t('compliance.visitedOnHelp')}
          rules={[
            { required: true, message: t('compliance.visitedOnRequired') },
            {
              validator: async (_, value: string | undefined) => {
                if (value && value > today) throw new Error(t('compliance.visitedOnFuture'));
              },
            },
          ]}
        >
          <Input type="date" max={today} dir="ltr" />
        </Form.Item>
        <Form.Item
          label={t('compliance.findings')}
          name="findings"
          rules={[
            { required: true, whitespace: true, message: t('compliance.findingsRequired') },
            { min: 10, max: 4000, message: t('compliance.findingsLength') },
          ]}
        >
          <Input.TextArea rows={4} maxLength={4000} showCount />
        </Form.Item>
        <Form.List name="violations">
          {(fields, { add, remove }) => (
            <fieldset className="compliance-fieldset">
              <legend>{t('compliance.violationsFound')}</legend>
              {fields.map((field, index) => (
                <Card
                  key={field.key}
                  size="small"
                  className="compliance-violation-card"
                  title={t('compliance.violationNumber', { n: index + 1 })}
                  extra={
                    <Button
                      size="small"
                      onClick={() => remove(field.name)}
                      aria-label={t('compliance.removeViolationN', { n: index + 1 })}
                    >
                      {t('compliance.removeViolation')}
                    </Button>
                  }
                >
                  <Form.Item
                    label={t('compliance.type')}
                    name={[field.name, 'type']}
                    rules={[{ required: true, message: t('compliance.typeRequired') }]}
                  >
                    <Select
                      options={VIOLATION_TYPES.filter((v) => v !== 'OVERSTAY' && v !== 'COMPLAINT_UPHELD').map((v) => ({
                        value: v,
                        label: t(`violationType.${v}`),
                      }))}
                    />
                  </Form.Item>
                  <Form.Item
                    label={t('compliance.fineSar')}
                    name={[field.name, 'fineSar']}
                    extra={t('compliance.fineHelp')}
                    rules={[{ required: true, message: t('compliance.fineRequired') }]}
                  >
                    <InputNumber
                      min={0}
                      max={MAX_FINE_SAR}
                      step={1000}
                      precision={2}
                      className="compliance-number"
                      dir="ltr"
                    />
                  </Form.Item>
                  <Form.Item
                    label={t('compliance.violationDetails')}
                    name={[field.name, 'details']}
                    rules={[
                      { required: true, whitespace: true, message: t('compliance.detailsRequired') },
                      { min: 3, max: 2000, message: t('compliance.detailsLength') },
                    ]}
                  >
                    <Input.TextArea rows={2} maxLength={2000} />
                  </Form.Item>
                  {both && (
                    <Form.Item
                      label={t('compliance.against')}
                      name={[field.name, 'against']}
                      rules={[{ required: true, message: t('compliance.againstRequired') }]}
                    >
                      <Select
                        options={[
                          { value: 'COMPANY', label: t('compliance.partyCompany') },
                          { value: 'PROVIDER', label: t('compliance.partyProvider') },
                        ]}
                      />
                    </Form.Item>
                  )}
                </Card>
              ))}
              {fields.length < 20 && (
                <Button onClick={() => add({ fineSar: 0 })}>{t('compliance.addViolation')}</Button>
              )}
            </fieldset>
          )}
        </Form.List>
      </Form>
      {error && <ComplianceActionError error={error} />}
    </Modal>
  );
}
