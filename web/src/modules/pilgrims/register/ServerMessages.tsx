import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { ActionError } from '@/lib/ActionError';
import type { ErrorKind } from '@/lib/errors';
import { useLanguage } from '@/lib/useLanguage';
import { isRegistrationErrorCode, type ServerMessage } from './registrationErrors';

const GENERAL_KINDS: readonly string[] = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'INTERNAL_SERVER_ERROR',
] satisfies ErrorKind[];

const isGeneralKind = (code: string): code is Exclude<ErrorKind, 'network' | 'unknown'> => GENERAL_KINDS.includes(code);

/**
 * A refusal in the user's language where the web knows the code, with the API's own sentence
 * (English: it names the exact rule, dates and values) whenever that says more.
 */
export function ServerSentence({ message, general = false }: { message: ServerMessage; general?: boolean }) {
  const { t } = useTranslation();
  const { language } = useLanguage();
  if (language === 'en') return <>{message.message}</>;
  let translated: string;
  if (isRegistrationErrorCode(message.code)) translated = t(`registrationErrors.${message.code}`);
  else if (general && isGeneralKind(message.code)) translated = t(`actionErrors.general.${message.code}`);
  else translated = t('registrationErrors.fieldRefused');
  return (
    <>
      {translated}{' '}
      <span lang="en" dir="ltr" className="server-sentence">
        ({message.message})
      </span>
    </>
  );
}

interface RegistrationAlertProps {
  messages: ServerMessage[];
  /** A failure that is not an answer of the API (network, server fault). */
  other?: unknown;
}

/** Refusals that belong to no field of the form, as one alert (role="alert" via antd). */
export function RegistrationAlert({ messages, other }: RegistrationAlertProps) {
  const { t } = useTranslation();
  if (other) return <ActionError error={other} />;
  if (messages.length === 0) return null;
  return (
    <Alert
      className="action-error"
      type="error"
      showIcon
      title={t('actionErrors.title')}
      description={
        <ul className="server-messages">
          {messages.map((message, i) => (
            <li key={i}>
              <ServerSentence message={message} general />
            </li>
          ))}
        </ul>
      }
    />
  );
}
