import { GraphQLError } from 'graphql';

/** A bad argument: the message says what is wrong and what is allowed. */
export function badUserInput(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}
