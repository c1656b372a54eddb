import { Collapse } from 'antd';
import { useTranslation } from 'react-i18next';
import { VISA_STATUSES, VisaStatusTag } from '@/modules/pilgrims/components/VisaStatusTag';

/** Every status with a sentence on what it means and what comes next; folded unless asked for. */
export function StatusGuide({ defaultOpen = false }: { defaultOpen?: boolean }) {
  const { t } = useTranslation();
  return (
    <Collapse
      className="visa-guide"
      defaultActiveKey={defaultOpen ? ['guide'] : []}
      items={[
        {
          key: 'guide',
          label: <h2 className="visa-guide__title">{t('visas.guide.title')}</h2>,
          children: (
            <dl className="visa-guide__list">
              {VISA_STATUSES.map((status) => (
                <div key={status} className="visa-guide__item">
                  <dt>
                    <VisaStatusTag status={status} />
                  </dt>
                  <dd>{t(`visas.guide.${status}`)}</dd>
                </div>
              ))}
            </dl>
          ),
        },
      ]}
    />
  );
}
