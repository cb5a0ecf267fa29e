import { describe, expect, it } from 'vitest';
import type { CityCodes } from './facilityRecords.ts';
import { deriveHierarchy } from './hierarchy.ts';

const point = (ubz: string, district: string, borough: string, sozialraum: string): CityCodes => ({
  ubz,
  statisticalDistrict: district,
  statisticalDistrictName: `District ${district}`,
  stadtbezirk: borough,
  stadtbezirkName: `Borough ${borough}`,
  sozialraum,
  sozialraumName: `Sozialraum ${sozialraum}`,
  aktionsraum: null,
  aktionsraumName: null,
});

describe('deriveHierarchy', () => {
  it('reads district, borough and Sozialraum from the points in a sub-district', () => {
    const [h] = deriveHierarchy(['111'], [point('111', '110', '1', '041'), point('111', '110', '1', '041')]);
    expect(h.statisticalDistrict).toMatchObject({ code: '110', name: 'District 110', inferred: false });
    expect(h.stadtbezirk).toMatchObject({ code: '1', name: 'Borough 1', inferred: false });
    expect(h.sozialraum).toMatchObject({ code: '041', inferred: false });
  });

  it('takes the most frequent code when the points disagree', () => {
    const points = [point('720', '720', '7', '104'), point('720', '720', '7', '104'), point('720', '750', '7', '104')];
    expect(deriveHierarchy(['720'], points)[0].statisticalDistrict.code).toBe('720');
  });

  it('infers a sub-district without points from its number and its neighbours, and flags it', () => {
    const points = [point('921', '920', '9', '122'), point('922', '920', '9', '122'), point('924', '920', '9', '123')];
    const h = deriveHierarchy(['921', '922', '923', '924'], points).find((x) => x.ubz === '923')!;
    expect(h.statisticalDistrict).toMatchObject({ code: '920', inferred: true });
    expect(h.sozialraum).toMatchObject({ code: '122', inferred: true });
    expect(h.sozialraum.basis).toContain('inferred');
  });

  it('breaks a tie between neighbouring Sozialräume by the lower number', () => {
    const points = [point('641', '640', '6', '092'), point('642', '640', '6', '091')];
    const h = deriveHierarchy(['641', '642', '643'], points).find((x) => x.ubz === '643')!;
    expect(h.sozialraum.code).toBe('091');
  });
});
