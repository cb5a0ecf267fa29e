import { type FieldNode, Kind, type OperationDefinitionNode, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { profileQuery, profileTargets } from './profileQuery.ts';

describe('the profile query', () => {
  const document = parse(profileQuery.toString());

  it('asks for the reach of exactly the offers the profile lists, with their age bands', () => {
    const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
    const asked = operation.selectionSet.selections
      .filter((s): s is FieldNode => s.kind === Kind.FIELD && s.name.value === 'coverage')
      .map((field) => {
        // Each coverage asks its question as one object: question: { target, ageBand }.
        const question = field.arguments!.find((a) => a.name.value === 'question')!.value;
        if (question.kind !== Kind.OBJECT) throw new Error(`${field.alias?.value}: question is not an object`);
        const arg = (name: string) => question.fields.find((f) => f.name.value === name)!.value;
        const target = arg('target');
        const category = target.kind === Kind.OBJECT ? target.fields.find((f) => f.name.value === 'category')?.value : undefined;
        const band = arg('ageBand');
        return {
          alias: field.alias?.value,
          category: category?.kind === Kind.STRING ? category.value : undefined,
          band: band.kind === Kind.ENUM ? band.value : undefined,
        };
      });
    expect(asked).toEqual(profileTargets.map((t) => ({ ...t })));
  });

  it('carries its fragment, so the server can run it as sent', () => {
    expect(document.definitions.some((d) => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === 'ProfileReach')).toBe(true);
  });
});
