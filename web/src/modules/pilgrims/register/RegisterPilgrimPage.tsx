import { useApolloClient, useMutation, useQuery } from '@apollo/client/react';
import { Alert, App, Button, Col, Form, Input, Radio, Row, Select } from 'antd';
import { useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { PageLoading } from '@/app/PageLoading';
import { useViewer } from '@/app/ViewerContext';
import {
  ContractedCompaniesDocument,
  GroupForRegistrationDocument,
  RegisterPilgrimDocument,
  RegistrationSeasonDocument,
} from '@/generated/graphql';
import { countryOptions } from '@/lib/countries';
import { formatDual } from '@/lib/dates';
import { PageHeader } from '@/lib/PageHeader';
import { QueryError } from '@/lib/QueryError';
import { SectionCard } from '@/lib/SectionCard';
import { todayInRiyadh } from '@/lib/today';
import { useDocumentTitle } from '@/lib/useDocumentTitle';
import { localized, useLanguage } from '@/lib/useLanguage';
import { canRegisterPilgrims } from '@/modules/groups/lib/groupAccess';
import { contractedCompanyOptions } from '@/modules/groups/lib/contractedCompanies';
import { checkMrz, formatYymmdd, TD3_LENGTH, TD3_LINE, type MrzField } from './mrzCheck';
import { DateField } from './DateField';
import {
  earliestExpiry,
  MAX_NAME,
  NAME_AR_FIELDS,
  NAME_EN_FIELDS,
  normalizePassportNumber,
  PASSPORT_NUMBER,
  REGISTRATION_FIELDS,
  toRegisterInput,
  type RegistrationField,
  type RegistrationValues,
} from './registrationForm';
import { inputFieldOf, readRegistrationFailure, type RegistrationFailure } from './registrationErrors';
import { RegistrationAlert, ServerSentence } from './ServerMessages';
import './registerPilgrim.css';

// The API's `input.mrz` is the two lines together: its refusals show on the first line.
const fieldOf = inputFieldOf(REGISTRATION_FIELDS, { mrz: 'mrzLine1' });
const MRZ_FIELDS: readonly MrzField[] = [
  'passportNumber',
  'dateOfBirth',
  'sex',
  'passportExpiresOn',
  'familyNameEn',
  'givenNameEn',
];

/** Registering one pilgrim, as written in the passport, optionally into a group (`?groupId=`). */
export function RegisterPilgrimPage() {
  const { t } = useTranslation();
  const { role } = useViewer();
  const [params] = useSearchParams();
  const groupId = params.get('groupId');
  useDocumentTitle(t('registerPilgrim.title'));

  if (!canRegisterPilgrims(role)) {
    return (
      <>
        <PageHeader title={t('registerPilgrim.title')} />
        <Alert type="info" showIcon title={t('registerPilgrim.notForRole')} />
      </>
    );
  }
  // A new form (and idempotency key) whenever the target group changes.
  return <RegistrationForm key={groupId ?? ''} groupId={groupId} isAgent={role === 'AGENT'} />;
}

function RegistrationForm({ groupId, isAgent }: { groupId: string | null; isAgent: boolean }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const client = useApolloClient();
  const [form] = Form.useForm<RegistrationValues>();
  const values = Form.useWatch([], form) as Partial<RegistrationValues> | undefined;
  const [failure, setFailure] = useState<RegistrationFailure<RegistrationField> | null>(null);
  // One key per form fill: a double click or a retry after a lost answer registers once.
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const today = todayInRiyadh();

  const season = useQuery(RegistrationSeasonDocument);
  const group = useQuery(GroupForRegistrationDocument, { variables: { id: groupId ?? '' }, skip: !groupId });
  const companies = useQuery(ContractedCompaniesDocument, { skip: !isAgent || Boolean(groupId) });
  const companyOptions = contractedCompanyOptions(companies.data, language);
  const nationalities = useMemo(() => countryOptions(language), [language]);
  const [register, { loading: saving }] = useMutation(RegisterPilgrimDocument);

  const policy = season.data?.currentSeason?.policy ?? null;
  const expiryFloor = policy ? earliestExpiry(values?.plannedDepartureOn, policy) : null;
  const mrz = checkMrz(values?.mrzLine1, values?.mrzLine2, values ?? {});
  const mismatches = mrz.kind === 'read' ? mrz.mismatches : {};
  const targetGroup = group.data?.pilgrimGroup ?? null;
  const backTo = groupId ? `/groups/${groupId}` : '/pilgrims';

  if (groupId && group.loading && !group.data) return <PageLoading />;
  if (groupId && !targetGroup) {
    return (
      <>
        <p className="back-link">
          <Link to="/groups">{t('groups.back')}</Link>
        </p>
        <PageHeader title={t('registerPilgrim.title')} />
        {group.error ? (
          <QueryError error={group.error} onRetry={() => void group.refetch()} />
        ) : (
          <Alert type="warning" showIcon title={t('groups.notFound')} />
        )}
      </>
    );
  }

  const problem = (field: RegistrationField) => {
    const server = failure?.fields[field];
    if (server) return { validateStatus: 'error' as const, help: <ServerSentence message={server} /> };
    if ((MRZ_FIELDS as readonly string[]).includes(field) && mismatches[field as MrzField] !== undefined) {
      return { validateStatus: 'warning' as const };
    }
    return {};
  };

  const submit = async (submitted: RegistrationValues) => {
    setFailure(null);
    try {
      const result = await register({
        variables: { input: toRegisterInput(submitted, groupId), idempotencyKey },
      });
      const pilgrim = result.data?.registerPilgrim;
      if (!pilgrim) return;
      // Lists that now hold one more pilgrim load afresh when next shown.
      client.cache.evict({ fieldName: 'pilgrims' });
      client.cache.evict({ fieldName: 'pilgrimGroups' });
      client.cache.evict({ fieldName: 'visaStatistics' });
      if (groupId)
        client.cache.evict({
          id: client.cache.identify({ __typename: 'PilgrimGroup', id: groupId }),
          fieldName: 'pilgrims',
        });
      client.cache.gc();
      void message.success(
        t('registerPilgrim.registered', { name: localized(language, pilgrim.fullNameAr, pilgrim.fullNameEn) }),
      );
      void navigate(backTo);
    } catch (error) {
      setFailure(readRegistrationFailure(error, fieldOf));
      window.scrollTo({ top: 0 });
    }
  };

  const nameRules = (requiredKey: 'registerPilgrim.nameRequired') => [
    { required: true, whitespace: true, message: t(requiredKey) },
    { max: MAX_NAME, message: t('registerPilgrim.nameTooLong', { max: MAX_NAME }) },
  ];

  const dateText = (date: string) => {
    const { hijri, gregorian } = formatDual(date, language);
    return `${hijri} (${gregorian})`;
  };

  const sectionHint = (text: ReactNode) => <p className="register-form__hint">{text}</p>;

  return (
    <>
      <p className="back-link">
        <Link to={backTo}>{groupId ? t('registerPilgrim.backToGroup') : t('registerPilgrim.backToPilgrims')}</Link>
      </p>
      <PageHeader
        title={t('registerPilgrim.title')}
        subtitle={
          targetGroup
            ? t('registerPilgrim.intoGroup', {
                number: targetGroup.groupNumber,
                name: targetGroup.name,
                company: localized(language, targetGroup.company.nameAr, targetGroup.company.nameEn),
              })
            : t('registerPilgrim.subtitle')
        }
      />
      {failure && <RegistrationAlert messages={failure.general} other={failure.other} />}
      {failure && Object.keys(failure.fields).length > 0 && (
        <Alert className="page-alert" type="error" showIcon title={t('registerPilgrim.fixFields')} />
      )}
      {season.error && <QueryError error={season.error} onRetry={() => void season.refetch()} />}
      <Form<RegistrationValues>
        form={form}
        name="registerPilgrim"
        layout="vertical"
        className="register-form"
        scrollToFirstError
        onFinish={(submitted) => void submit(submitted)}
        onValuesChange={(changed: Partial<RegistrationValues>) => {
          // A field's refusal holds until that field is changed.
          if (!failure) return;
          const fields = { ...failure.fields };
          for (const key of Object.keys(changed) as RegistrationField[]) {
            delete fields[key];
            if (key === 'mrzLine2') delete fields.mrzLine1;
          }
          setFailure({ ...failure, fields });
        }}
      >
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={12}>
            <SectionCard title={t('registerPilgrim.nameArSection')}>
              {sectionHint(t('registerPilgrim.nameArHint'))}
              {NAME_AR_FIELDS.map((field) => (
                <Form.Item
                  key={field}
                  label={t(`registerPilgrim.fields.${field}`)}
                  name={field}
                  rules={nameRules('registerPilgrim.nameRequired')}
                  {...problem(field)}
                >
                  <Input dir="rtl" lang="ar" autoComplete="off" maxLength={MAX_NAME} />
                </Form.Item>
              ))}
            </SectionCard>
          </Col>
          <Col xs={24} xl={12}>
            <SectionCard title={t('registerPilgrim.nameEnSection')}>
              {sectionHint(t('registerPilgrim.nameEnHint'))}
              {NAME_EN_FIELDS.map((field) => (
                <Form.Item
                  key={field}
                  label={t(`registerPilgrim.fields.${field}`)}
                  name={field}
                  rules={nameRules('registerPilgrim.nameRequired')}
                  {...problem(field)}
                >
                  <Input dir="ltr" lang="en" autoComplete="off" maxLength={MAX_NAME} />
                </Form.Item>
              ))}
            </SectionCard>
          </Col>
          <Col xs={24} xl={12}>
            <SectionCard title={t('registerPilgrim.passportSection')}>
              <Form.Item
                label={t('registerPilgrim.fields.passportNumber')}
                name="passportNumber"
                normalize={(value: string) => normalizePassportNumber(value)}
                rules={[
                  { required: true, message: t('registerPilgrim.passportRequired') },
                  { pattern: PASSPORT_NUMBER, message: t('registerPilgrim.passportFormat') },
                ]}
                {...problem('passportNumber')}
              >
                <Input dir="ltr" autoComplete="off" maxLength={20} className="register-form__code" />
              </Form.Item>
              <Form.Item
                label={t('registerPilgrim.fields.nationality')}
                name="nationality"
                rules={[{ required: true, message: t('registerPilgrim.nationalityRequired') }]}
                {...problem('nationality')}
              >
                <Select showSearch={{ optionFilterProp: 'label' }} options={nationalities} />
              </Form.Item>
              <Form.Item
                label={t('registerPilgrim.fields.sex')}
                name="sex"
                rules={[{ required: true, message: t('registerPilgrim.sexRequired') }]}
                {...problem('sex')}
              >
                <Radio.Group
                  aria-label={t('registerPilgrim.fields.sex')}
                  options={[
                    { value: 'MALE', label: t('sex.MALE') },
                    { value: 'FEMALE', label: t('sex.FEMALE') },
                  ]}
                />
              </Form.Item>
              <DateField
                label={t('registerPilgrim.fields.dateOfBirth')}
                name="dateOfBirth"
                min="1900-01-01"
                max={today}
                rules={[
                  { required: true, message: t('registerPilgrim.dateRequired') },
                  {
                    validator: async (_, value: string | undefined) => {
                      if (value && (value < '1900-01-01' || value > today))
                        throw new Error(t('registerPilgrim.birthPast'));
                    },
                  },
                ]}
                {...problem('dateOfBirth')}
              />
              <DateField
                label={t('registerPilgrim.fields.passportIssuedOn')}
                name="passportIssuedOn"
                max={today}
                rules={[
                  { required: true, message: t('registerPilgrim.dateRequired') },
                  {
                    validator: async (_, value: string | undefined) => {
                      if (value && value > today) throw new Error(t('registerPilgrim.issuedFuture'));
                    },
                  },
                ]}
                {...problem('passportIssuedOn')}
              />
              <DateField
                label={t('registerPilgrim.fields.passportExpiresOn')}
                name="passportExpiresOn"
                min={expiryFloor ?? undefined}
                dependencies={['passportIssuedOn', 'plannedDepartureOn']}
                hint={
                  expiryFloor && policy
                    ? t('registerPilgrim.expiryRule', {
                        months: policy.passportValidityMonths,
                        date: dateText(expiryFloor),
                      })
                    : undefined
                }
                rules={[
                  { required: true, message: t('registerPilgrim.dateRequired') },
                  ({ getFieldValue }) => ({
                    validator: async (_, value: string | undefined) => {
                      const issued = getFieldValue('passportIssuedOn') as string | undefined;
                      if (value && issued && value <= issued) throw new Error(t('registerPilgrim.expiryAfterIssue'));
                      if (value && expiryFloor && value < expiryFloor) {
                        throw new Error(t('registerPilgrim.expiryTooSoon', { date: dateText(expiryFloor) }));
                      }
                    },
                  }),
                ]}
                {...problem('passportExpiresOn')}
              />
            </SectionCard>
          </Col>
          <Col xs={24} xl={12}>
            <SectionCard title={t('registerPilgrim.travelSection')}>
              {targetGroup && (
                <p className="register-form__group">
                  {t('registerPilgrim.intoGroup', {
                    number: targetGroup.groupNumber,
                    name: targetGroup.name,
                    company: localized(language, targetGroup.company.nameAr, targetGroup.company.nameEn),
                  })}
                </p>
              )}
              {isAgent && !groupId && (
                <Form.Item
                  label={t('registerPilgrim.fields.companyId')}
                  name="companyId"
                  extra={t('groups.companyHelp')}
                  rules={[{ required: true, message: t('groups.companyRequired') }]}
                  {...problem('companyId')}
                >
                  <Select
                    showSearch={{ optionFilterProp: 'label' }}
                    options={companyOptions}
                    loading={companies.loading}
                    notFoundContent={t('groups.noContracts')}
                  />
                </Form.Item>
              )}
              <DateField
                label={t('registerPilgrim.fields.plannedDepartureOnOptional')}
                name="plannedDepartureOn"
                min={today}
                hint={
                  policy ? t('registerPilgrim.departureRule', { date: dateText(policy.lastDepartureOn) }) : undefined
                }
                rules={[
                  {
                    validator: async (_, value: string | undefined) => {
                      if (value && value < today) throw new Error(t('registerPilgrim.departurePast'));
                    },
                  },
                ]}
                {...problem('plannedDepartureOn')}
              />
            </SectionCard>
          </Col>
          <Col span={24}>
            <SectionCard title={t('registerPilgrim.mrzSection')}>
              {sectionHint(t('registerPilgrim.mrzHint'))}
              {(['mrzLine1', 'mrzLine2'] as const).map((field, index) => (
                <Form.Item
                  key={field}
                  label={t(`registerPilgrim.fields.${field}`)}
                  name={field}
                  normalize={(value: string) => value.toUpperCase().replace(/\s/g, '')}
                  dependencies={[index === 0 ? 'mrzLine2' : 'mrzLine1']}
                  rules={[
                    ({ getFieldValue }) => ({
                      validator: async (_, value: string | undefined) => {
                        const other = getFieldValue(index === 0 ? 'mrzLine2' : 'mrzLine1') as string | undefined;
                        if (!value && !other) return;
                        if (!value) throw new Error(t('registerPilgrim.mrzBothLines'));
                        if (!TD3_LINE.test(value))
                          throw new Error(t('registerPilgrim.mrzLineFormat', { length: TD3_LENGTH }));
                      },
                    }),
                  ]}
                  {...problem(field)}
                >
                  <Input
                    dir="ltr"
                    lang="en"
                    autoComplete="off"
                    spellCheck={false}
                    maxLength={TD3_LENGTH}
                    showCount
                    className="register-form__mrz"
                  />
                </Form.Item>
              ))}
              <MrzStatus check={mrz} />
            </SectionCard>
          </Col>
        </Row>
        <div className="page-actions register-form__actions">
          <Button type="primary" htmlType="submit" loading={saving}>
            {t('registerPilgrim.submit')}
          </Button>
          <Link className="link-button" to={backTo}>
            {t('common.cancel')}
          </Link>
        </div>
      </Form>
    </>
  );
}

/** What the browser could read from the MRZ: mistyped lines, or typed fields that disagree with it. */
function MrzStatus({ check }: { check: ReturnType<typeof checkMrz> }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  if (check.kind === 'empty' || check.kind === 'malformed') return null;
  if (check.kind === 'checkDigits') {
    return (
      <Alert
        type="warning"
        showIcon
        title={t('registerPilgrim.mrzCheckDigits')}
        description={new Intl.ListFormat(language).format(
          check.failing.map((part) => t(`registerPilgrim.mrzParts.${part}`)),
        )}
      />
    );
  }
  const entries = Object.entries(check.mismatches) as [MrzField, string][];
  if (entries.length === 0) {
    return <Alert type="success" showIcon title={t('registerPilgrim.mrzAgrees')} />;
  }
  return (
    <Alert
      type="warning"
      showIcon
      title={t('registerPilgrim.mrzDisagrees')}
      description={
        <ul className="server-messages">
          {entries.map(([field, mrzValue]) => (
            <li key={field}>
              {t(`registerPilgrim.fields.${field}`)}: {t('registerPilgrim.mrzSays')}{' '}
              <bdi className="register-form__code">
                {field === 'dateOfBirth' || field === 'passportExpiresOn'
                  ? `${formatYymmdd(mrzValue)} (${t('registerPilgrim.yymmdd')})`
                  : field === 'sex'
                    ? t(`sex.${mrzValue as 'MALE' | 'FEMALE'}`)
                    : mrzValue || '—'}
              </bdi>
            </li>
          ))}
        </ul>
      }
    />
  );
}
