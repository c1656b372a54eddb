import { useMutation } from '@apollo/client/react';
import { AutoComplete, Col, Form, Input, Modal, Row } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CreateCompanyDocument, UpdateCompanyDocument, type CompanyProfileFragment } from '@/generated/graphql';
import { ActionError } from '@/lib/ActionError';
import { KNOWN_CITIES, useCityName } from '@/lib/cities';
import { todayInRiyadh } from '@/lib/today';

interface CompanyFormValues {
  nameAr: string;
  nameEn: string;
  crNumber: string;
  city: string;
  contactEmail: string;
  contactPhone: string;
  serviceCenter: string;
  licenseNumber: string;
  issuedOn: string;
}

interface CompanyFormModalProps {
  /** The company to edit; without it the form registers a new company and its licence. */
  company?: CompanyProfileFragment;
  onClose: () => void;
  onSaved: (id: string) => void;
}

const CR_NUMBER = /^\d{10}$/;
const PHONE = /^\+?[0-9 ]{7,20}$/;

/** An officer registers a company with its first licence, or corrects its registry entry. */
export function CompanyFormModal({ company, onClose, onSaved }: CompanyFormModalProps) {
  const { t } = useTranslation();
  const cityName = useCityName();
  const [form] = Form.useForm<CompanyFormValues>();
  const [error, setError] = useState<unknown>(null);
  const refetch = { refetchQueries: ['Companies', 'CompanyDetail', 'AuditTrail'], awaitRefetchQueries: true };
  const [create, { loading: creating }] = useMutation(CreateCompanyDocument, refetch);
  const [update, { loading: updating }] = useMutation(UpdateCompanyDocument, refetch);
  const editing = Boolean(company);

  const save = async (values: CompanyFormValues) => {
    setError(null);
    const common = {
      nameAr: values.nameAr.trim(),
      nameEn: values.nameEn.trim(),
      city: values.city.trim(),
      contactEmail: values.contactEmail.trim(),
      contactPhone: values.contactPhone.trim(),
      serviceCenter: values.serviceCenter.trim(),
    };
    try {
      if (company) {
        await update({ variables: { id: company.id, input: common } });
        onSaved(company.id);
      } else {
        const result = await create({
          variables: {
            input: {
              ...common,
              crNumber: values.crNumber.trim(),
              licenseNumber: values.licenseNumber.trim(),
              issuedOn: values.issuedOn,
            },
          },
        });
        if (result.data) onSaved(result.data.createCompany.id);
      }
    } catch (e) {
      setError(e);
    }
  };

  const required = (message: string) => ({ required: true, whitespace: true, message });

  return (
    <Modal
      open
      width={720}
      title={editing ? t('companyForm.editTitle') : t('companyForm.createTitle')}
      okText={editing ? t('companyForm.save') : t('companyForm.create')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={creating || updating}
      maskClosable={false}
      destroyOnHidden
    >
      <Form<CompanyFormValues>
        form={form}
        name="companyForm"
        layout="vertical"
        initialValues={
          company
            ? {
                nameAr: company.nameAr,
                nameEn: company.nameEn,
                city: company.city,
                contactEmail: company.contactEmail ?? '',
                contactPhone: company.contactPhone ?? '',
                serviceCenter: company.serviceCenter ?? '',
              }
            : { issuedOn: todayInRiyadh() }
        }
        onFinish={(values) => void save(values)}
      >
        <Row gutter={16}>
          <Col xs={24} md={12}>
            <Form.Item
              label={t('companyForm.nameAr')}
              name="nameAr"
              rules={[required(t('companyForm.nameArRequired'))]}
            >
              <Input lang="ar" dir="rtl" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              label={t('companyForm.nameEn')}
              name="nameEn"
              rules={[required(t('companyForm.nameEnRequired'))]}
            >
              <Input lang="en" dir="ltr" />
            </Form.Item>
          </Col>
          {!editing && (
            <Col xs={24} md={12}>
              <Form.Item
                label={t('companyForm.crNumber')}
                name="crNumber"
                extra={t('companyForm.crNumberHelp')}
                rules={[
                  required(t('companyForm.crNumberRequired')),
                  { pattern: CR_NUMBER, message: t('companyForm.crNumberInvalid') },
                ]}
              >
                <Input inputMode="numeric" dir="ltr" maxLength={10} />
              </Form.Item>
            </Col>
          )}
          <Col xs={24} md={12}>
            <Form.Item label={t('companyForm.city')} name="city" rules={[required(t('companyForm.cityRequired'))]}>
              <AutoComplete
                options={KNOWN_CITIES.map((city) => ({ value: city, label: cityName(city) }))}
                filterOption={(input, option) =>
                  String(option?.value ?? '')
                    .toLowerCase()
                    .includes(input.toLowerCase()) || String(option?.label ?? '').includes(input)
                }
              />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              label={t('companyForm.contactEmail')}
              name="contactEmail"
              rules={[
                required(t('companyForm.contactEmailRequired')),
                { type: 'email', message: t('auth.emailInvalid') },
              ]}
            >
              <Input type="email" dir="ltr" autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              label={t('companyForm.contactPhone')}
              name="contactPhone"
              rules={[
                required(t('companyForm.contactPhoneRequired')),
                { pattern: PHONE, message: t('companyForm.contactPhoneInvalid') },
              ]}
            >
              <Input type="tel" dir="ltr" autoComplete="off" />
            </Form.Item>
          </Col>
          <Col xs={24} md={12}>
            <Form.Item
              label={t('companyForm.serviceCenter')}
              name="serviceCenter"
              extra={t('companyForm.serviceCenterHelp')}
              rules={[required(t('companyForm.serviceCenterRequired'))]}
            >
              <Input />
            </Form.Item>
          </Col>
          {!editing && (
            <>
              <Col xs={24} md={12}>
                <Form.Item
                  label={t('companyForm.licenseNumber')}
                  name="licenseNumber"
                  rules={[required(t('companyForm.licenseNumberRequired'))]}
                >
                  <Input dir="ltr" />
                </Form.Item>
              </Col>
              <Col xs={24} md={12}>
                <Form.Item
                  label={t('companyForm.issuedOn')}
                  name="issuedOn"
                  extra={t('companyForm.issuedOnHelp')}
                  rules={[{ required: true, message: t('companyForm.issuedOnRequired') }]}
                >
                  <Input type="date" dir="ltr" />
                </Form.Item>
              </Col>
            </>
          )}
        </Row>
      </Form>
      {error !== null && <ActionError error={error} />}
    </Modal>
  );
}
