import { useMutation } from '@apollo/client/react';
import { App, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { SubmitVisaApplicationDocument } from '@/generated/graphql';
import { actionFailure } from '@/lib/actionErrors';
import { useLanguage } from '@/lib/useLanguage';
import { visaFailure } from '../lib/visaErrors';
import './visas.css';

interface ApplyForVisaButtonProps {
  pilgrimId: string;
  /** The pilgrim's name, read by screen readers after the button's text. */
  pilgrimName: string;
}

const REFETCH = ['Pilgrims', 'VisaApplications', 'VisaPipelineStatistics'];

/** Submits the pilgrim's visa application; a retried request of the same click cannot apply twice. */
export function ApplyForVisaButton({ pilgrimId, pilgrimName }: ApplyForVisaButtonProps) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  const { message } = App.useApp();
  const [submit, { loading }] = useMutation(SubmitVisaApplicationDocument, {
    refetchQueries: REFETCH,
    awaitRefetchQueries: true,
  });

  const apply = async () => {
    // One key per click: the API returns the first call's application if this request is repeated.
    const idempotencyKey = `web-apply:${pilgrimId}:${crypto.randomUUID()}`;
    try {
      await submit({ variables: { pilgrimId, idempotencyKey } });
      void message.success(t('visas.apply.submitted'));
    } catch (e) {
      const visa = visaFailure(e);
      const general = actionFailure(e);
      const text = visa
        ? language === 'en'
          ? visa.message
          : t(`visaErrors.${visa.code}`)
        : general.kind === 'code'
          ? t(`actionErrors.${general.code}`)
          : t(`actionErrors.general.${general.errorKind}`);
      void message.error({ content: text, duration: 8 });
    }
  };

  return (
    <Button size="small" loading={loading} onClick={() => void apply()}>
      {t('visas.apply.button')}
      <span className="sr-only"> — {pilgrimName}</span>
    </Button>
  );
}
