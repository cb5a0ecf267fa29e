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
