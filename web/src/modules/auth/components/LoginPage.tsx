import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { LanguageSwitch } from '@/app/LanguageSwitch';
import { returnPathFor } from '@/app/navigation';
import { takeSessionEndReason, useSession } from '@/app/session';
import { isSignInRefusal, useLogin, type LoginCredentials } from '../hooks/useLogin';

function fromState(state: unknown): string | null {
  if (typeof state === 'object' && state !== null && 'from' in state && typeof state.from === 'string')
    return state.from;
  return null;
}

export function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const session = useSession();
  const { login, loading, failure } = useLogin();
  const [sessionEnded] = useState(() => takeSessionEndReason() === 'expired');
  const [submitted, setSubmitted] = useState(false);

  if (session && !submitted) return <Navigate to="/" replace />;

  const onFinish = async (values: LoginCredentials) => {
    setSubmitted(true);
    const viewer = await login(values);
    if (viewer) navigate(returnPathFor(viewer.role, fromState(location.state)), { replace: true });
    else setSubmitted(false);
  };

  return (
    <div className="auth-page">
      <header className="auth-header">
        <span className="auth-header__name">{t('app.name')}</span>
        <LanguageSwitch />
      </header>
      <main id="main" className="auth-main">
        <Card className="auth-card">
          <Typography.Title level={1} className="auth-card__title">
            {t('auth.title')}
          </Typography.Title>
          <Typography.Paragraph type="secondary">{t('auth.intro')}</Typography.Paragraph>
          {sessionEnded && !failure && (
            <Alert className="auth-card__alert" type="info" showIcon title={t('auth.sessionEnded')} />
          )}
          {failure && (
            <Alert
              className="auth-card__alert"
              type="error"
              showIcon
              title={t('auth.failed')}
              description={isSignInRefusal(failure) ? t(`auth.${failure}`) : t(`errors.${failure}`)}
            />
          )}
          <Form<LoginCredentials>
            name="login"
            layout="vertical"
            requiredMark={false}
            onFinish={(values) => void onFinish(values)}
            validateTrigger="onSubmit"
          >
            <Form.Item
              label={t('auth.email')}
              name="email"
              rules={[
                { required: true, message: t('auth.emailRequired') },
                { type: 'email', message: t('auth.emailInvalid') },
              ]}
            >
              <Input type="email" autoComplete="username" dir="ltr" inputMode="email" />
            </Form.Item>
            <Form.Item
              label={t('auth.password')}
              name="password"
              rules={[{ required: true, message: t('auth.passwordRequired') }]}
            >
              <Input.Password autoComplete="current-password" dir="ltr" visibilityToggle={false} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={loading} block>
              {t('auth.submit')}
            </Button>
          </Form>
        </Card>
      </main>
    </div>
  );
}
