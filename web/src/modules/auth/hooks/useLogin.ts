import { useApolloClient, useMutation } from '@apollo/client/react';
import { useState } from 'react';
import { startSession } from '@/app/session';
import { LoginDocument, type LoginMutation } from '@/generated/graphql';
import { errorKind, hasErrorCode, type ErrorKind } from '@/lib/errors';

/** Sign-in refusals the companies subgraph reports by code; each has its own sentence. */
const SIGN_IN_CODES = ['INVALID_CREDENTIALS', 'ACCOUNT_DISABLED', 'TOO_MANY_ATTEMPTS'] as const;
export type SignInRefusal = (typeof SIGN_IN_CODES)[number];
export type LoginFailure = SignInRefusal | ErrorKind;

export function isSignInRefusal(failure: LoginFailure): failure is SignInRefusal {
  return (SIGN_IN_CODES as readonly string[]).includes(failure);
}

export interface LoginCredentials {
  email: string;
  password: string;
}

type LoggedInViewer = LoginMutation['login']['viewer'];

/** Signs in, starts the session on success and reports a failure as one code the page can explain. */
export function useLogin(): {
  login: (credentials: LoginCredentials) => Promise<LoggedInViewer | null>;
  loading: boolean;
  failure: LoginFailure | null;
} {
  const client = useApolloClient();
  const [mutate, { loading }] = useMutation(LoginDocument);
  const [failure, setFailure] = useState<LoginFailure | null>(null);

  const login = async ({ email, password }: LoginCredentials): Promise<LoggedInViewer | null> => {
    setFailure(null);
    try {
      const { data } = await mutate({ variables: { input: { email: email.trim(), password } } });
      if (!data) throw new Error('login returned no data');
      // Nothing cached for a previous user may leak into this session.
      await client.clearStore();
      startSession({ token: data.login.accessToken, expiresAt: data.login.expiresAt });
      return data.login.viewer;
    } catch (error) {
      setFailure(SIGN_IN_CODES.find((code) => hasErrorCode(error, code)) ?? errorKind(error));
      return null;
    }
  };

  return { login, loading, failure };
}
