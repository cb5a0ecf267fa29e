import { GraphQLScalarType, Kind } from 'graphql';
import { badUserInput } from './errors.ts';

export const GeoJSONScalar = new GraphQLScalarType({
  name: 'GeoJSON',
  description: 'A GeoJSON object in EPSG:4326',
  serialize: (value) => value,
  parseValue: () => {
    throw badUserInput('GeoJSON is an output type only');
  },
  parseLiteral: (ast) => {
    throw badUserInput(`GeoJSON is an output type only (got ${ast.kind === Kind.STRING ? 'a string' : ast.kind})`);
  },
});

/** Any JSON value, output only (audit records, a conflict's two sides). */
export const JSONScalar = new GraphQLScalarType({
  name: 'JSON',
  description: 'Any JSON value',
  serialize: (value) => value,
  parseValue: () => {
    throw badUserInput('JSON is an output type only');
  },
  parseLiteral: () => {
    throw badUserInput('JSON is an output type only');
  },
});
