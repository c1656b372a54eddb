import { DateScalar, DateTimeScalar } from '@umrah/subgraph-kit';
import {
  GraphQLError,
  getNamedType,
  isScalarType,
  type ASTVisitor,
  type GraphQLScalarType,
  type ValueNode,
  type ValidationContext,
} from 'graphql';

// The supergraph declares the subgraphs' custom scalars without their parsing; these are the kit's.
const SCALARS: Record<string, GraphQLScalarType<unknown, unknown>> = {
  Date: DateScalar as GraphQLScalarType<unknown, unknown>,
  DateTime: DateTimeScalar as GraphQLScalarType<unknown, unknown>,
};

/**
 * Checks a Date or DateTime written in the document (a variable's value is checked by the subgraph)
 * as the subgraph would, so a day not in the calendar is BAD_USER_INPUT here rather than a
 * subgraph's validation failure, which reaches the client masked as an internal error.
 */
export function scalarLiteralRule(context: ValidationContext): ASTVisitor {
  const check = (node: ValueNode): void => {
    const type = getNamedType(context.getInputType());
    const scalar = type && isScalarType(type) ? SCALARS[type.name] : undefined;
    if (!scalar) return;
    try {
      scalar.parseLiteral(node, undefined);
    } catch (error) {
      const message = error instanceof Error ? error.message : `Not a valid ${scalar.name}.`;
      context.reportError(new GraphQLError(message, { nodes: node, extensions: { code: 'BAD_USER_INPUT' } }));
    }
  };
  return { StringValue: check, IntValue: check, FloatValue: check, BooleanValue: check };
}
