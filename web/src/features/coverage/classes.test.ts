import { describe, expect, it } from 'vitest';
import { classBreaks, classLabels, classOf } from './classes.ts';

describe('coverage classes', () => {
  it('puts values into the fixed classes, a bound belonging to the class above', () => {
    const share = classBreaks.shareWithin;
    expect([0, 49.9, 50, 69.9, 85, 94.99, 95, 100].map((v) => classOf(share, v))).toEqual([0, 0, 1, 1, 3, 4, 5, 5]);
    expect(classOf(share, null)).toBeNull();
  });

  it('labels the classes for the legend', () => {
    expect(classLabels(classBreaks.childrenBeyond)).toEqual([
      'unter 50', '50 bis unter 100', '100 bis unter 250', '250 bis unter 500', '500 bis unter 1000', '1000 und mehr',
    ]);
  });

  it('has one colour per class for every measure', () => {
    for (const breaks of Object.values(classBreaks)) expect(breaks.colors).toHaveLength(breaks.bounds.length + 1);
  });
});
