import { useMutation } from '@apollo/client/react';
import { Form, Input, Modal, Radio, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { useViewer } from '@/app/ViewerContext';
import { FileComplaintDocument, type ComplaintCategory } from '@/generated/graphql';
import { KNOWN_CITIES, useCityName } from '@/lib/cities';
import { useComplianceParties } from '../hooks/useCompliance';
import { ComplianceActionError } from './ComplianceActionError';

export const CATEGORIES: ComplaintCategory[] = [
  'ACCOMMODATION',
  'TRANSPORT',
  'CATERING',
  'ENRICHMENT',
  'HEALTH_AND_SAFETY',
  'SERVICE_QUALITY',
  'FINANCIAL',
  'VISA_AND_DOCUMENTS',
  'OTHER',
];

interface Values {
  against: 'COMPANY' | 'PROVIDER';
  partyId: string;
  category: ComplaintCategory;
  city: string;
  site?: string;
  description: string;
}

/** A new complaint: against a company (ministry, agents) or a provider (anyone who may file). */
export function FileComplaintDialog({ onFiled, onClose }: { onFiled: (id: string) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const { role } = useViewer();
  const cityName = useCityName();
  const parties = useComplianceParties();
  const [form] = Form.useForm<Values>();
  const against = Form.useWatch('against', form);
  const [file, { loading, error }] = useMutation(FileComplaintDocument, { refetchQueries: ['Complaints'] });
  // A company files complaints about providers only.
  const companyAllowed = role !== 'COMPANY_MANAGER';
  const submit = async (v: Values) => {
    const result = await file({
      variables: {
        input: {
          category: v.category,
          city: v.city,
          description: v.description.trim(),
          site: v.site?.trim() || null,
          companyId: v.against === 'COMPANY' ? v.partyId : null,
          providerId: v.against === 'PROVIDER' ? v.partyId : null,
        },
      },
    }).catch(() => null);
    const id = result?.data?.fileComplaint.id;
    if (id) onFiled(id);
  };
  return (
    <Modal
      open
      title={t('compliance.fileComplaint')}
      okText={t('compliance.fileComplaintSubmit')}
      okButtonProps={{ loading }}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={loading ? undefined : onClose}
      destroyOnHidden
      maskClosable={false}
      width={640}
    >
      <Form<Values>
        form={form}
        name="fileComplaint"
        layout="vertical"
        requiredMark
        initialValues={{ against: companyAllowed ? 'COMPANY' : 'PROVIDER', city: 'Makkah' }}
        onValuesChange={(changed: Partial<Values>) => {
          if (changed.against) form.setFieldValue('partyId', undefined);
        }}
        onFinish={(v) => void submit(v)}
      >
        {companyAllowed && (
          <Form.Item label={t('compliance.against')} name="against">
            <Radio.Group
              options={[
                { value: 'COMPANY', label: t('compliance.partyCompany') },
                { value: 'PROVIDER', label: t('compliance.partyProvider') },
              ]}
            />
          </Form.Item>
        )}
        <Form.Item
          label={
            (against ?? 'COMPANY') === 'COMPANY' && companyAllowed ? t('compliance.company') : t('compliance.provider')
          }
          name="partyId"
          rules={[{ required: true, message: t('compliance.partyRequired') }]}
        >
          <Select
            showSearch={{ optionFilterProp: 'label' }}
            loading={parties.loading}
            options={(against ?? 'COMPANY') === 'COMPANY' && companyAllowed ? parties.companies : parties.providers}
          />
        </Form.Item>
        <Form.Item
          label={t('compliance.category')}
          name="category"
          rules={[{ required: true, message: t('compliance.categoryRequired') }]}
        >
          <Select options={CATEGORIES.map((c) => ({ value: c, label: t(`complaintCategory.${c}`) }))} />
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
          extra={t('compliance.siteHelp')}
          rules={[{ min: 2, max: 200, message: t('compliance.siteLength') }]}
        >
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          label={t('compliance.description')}
          name="description"
          rules={[
            { required: true, whitespace: true, message: t('compliance.descriptionRequired') },
            { min: 10, max: 2000, message: t('compliance.descriptionLength') },
          ]}
        >
          <Input.TextArea rows={4} maxLength={2000} showCount />
        </Form.Item>
      </Form>
      {error && <ComplianceActionError error={error} />}
    </Modal>
  );
}
