import { ApolloClient, ApolloLink, HttpLink, InMemoryCache } from '@apollo/client';
import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import { SetContextLink } from '@apollo/client/link/context';
import { ErrorLink } from '@apollo/client/link/error';
import { relayStylePagination } from '@apollo/client/utilities';
import { endSession, getSession } from './session';

interface ApolloClientOptions {
  /** The UI language, sent as Accept-Language so user-facing error messages match it. */
  language: () => string;
}

function isUnauthenticated(error: unknown): boolean {
  if (ServerError.is(error)) return error.statusCode === 401;
  return CombinedGraphQLErrors.is(error) && error.errors.some((e) => e.extensions?.['code'] === 'UNAUTHENTICATED');
}

export function createApolloClient({ language }: ApolloClientOptions): ApolloClient {
  const auth = new SetContextLink((prevContext) => {
    const session = getSession();
    return {
      headers: {
        ...prevContext.headers,
        'accept-language': language(),
        ...(session ? { authorization: `Bearer ${session.token}` } : {}),
      },
    };
  });

  // A refused or expired token ends the session; the route guard then shows the sign-in page.
  const errors = new ErrorLink(({ error }) => {
    if (isUnauthenticated(error)) endSession('expired');
  });

  return new ApolloClient({
    link: ApolloLink.from([errors, auth, new HttpLink({ uri: '/graphql' })]),
    cache: new InMemoryCache({
      typePolicies: {
        Query: {
          fields: {
            // "Load more" appends pages; a different filter is a different list.
            companies: relayStylePagination(['filter', 'orderBy']),
            pilgrims: relayStylePagination(['filter', 'orderBy']),
            visaApplications: relayStylePagination(['filter', 'orderBy']),
            externalAgents: relayStylePagination(['filter']),
            agencyContracts: relayStylePagination(['filter']),
            accounts: relayStylePagination(['filter']),
            apiClients: relayStylePagination(),
            auditTrail: relayStylePagination(['companyId']),
            auditLog: relayStylePagination(['filter']),
            pilgrimGroups: relayStylePagination(),
          },
        },
        // Visa figures have no id: the pipeline and the dashboard read different fields of the same season's.
        VisaStatistics: { merge: true },
        // A group's pilgrims, page after page on the group page.
        PilgrimGroup: { fields: { pilgrims: relayStylePagination() } },
      },
    }),
  });
}
