import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { MaxTokensParserWLexer } from '@escape.tech/graphql-armor-max-tokens';
import { GraphQLError, type ValidationContext, type ValidationRule } from 'graphql';
import { LimitErrorCode, type GatewayLimits } from './limits';

type Reject = (context: ValidationContext | null, error: GraphQLError) => void;

// graphql-armor reports every refusal as BAD_USER_INPUT; each limit here reports its own code.
// Apollo then wraps the error as GRAPHQL_VALIDATION_FAILED, and errors.ts restores the code.
const rejectWith =
  (code: LimitErrorCode): Reject =>
  (context, error) =>
    context?.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /, ''), { extensions: { code } }));

/** Depth, alias and directive limits (graphql-armor's rules), run once per distinct document. */
export function documentLimitRules(limits: Pick<GatewayLimits, 'maxDepth' | 'maxAliases' | 'maxDirectives'>) {
  const common = { propagateOnRejection: false, exposeLimits: true } as const;
  return [
    // A fragment spread is not a level of the response: only fields count.
    maxDepthRule({
      ...common,
      n: limits.maxDepth,
      flattenFragments: true,
      onReject: [rejectWith(LimitErrorCode.QUERY_TOO_DEEP)],
    }),
    maxAliasesRule({ ...common, n: limits.maxAliases, onReject: [rejectWith(LimitErrorCode.TOO_MANY_ALIASES)] }),
    maxDirectivesRule({
      ...common,
      n: limits.maxDirectives,
      onReject: [rejectWith(LimitErrorCode.TOO_MANY_DIRECTIVES)],
    }),
  ] satisfies ValidationRule[];
}

/**
 * Whether a document has more than `max` tokens (false for one that is shorter but not valid
 * syntax). The gateway checks it before Apollo sees the request: graphql-armor's Apollo plugin
 * throws from a parsing hook, which Apollo 5 answers with a bare 500.
 */
export function exceedsTokenLimit(source: string, max: number): boolean {
  // Every token is at least one character long.
  if (source.length <= max) return false;
  let exceeded = false;
  const parser = new MaxTokensParserWLexer(source, {
    n: max,
    propagateOnRejection: true,
    onReject: [() => (exceeded = true)],
  });
  try {
    parser.parseDocument();
  } catch {
    // A syntax error is Apollo's to report, with its position; only the limit is ours.
  }
  return exceeded;
}
