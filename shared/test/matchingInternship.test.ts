import { draftSectionsSchema, FIELD_LABELS, fieldErrors, wishesSchema } from '@nuanxin/shared';
import { wantsInternship } from '@nuanxin/shared/src/matching';

describe('wantsInternship (000 §5(3): 有就业见习意愿的离校2年内未就业高校毕业生)', () => {
  it('a recent graduate who said yes, or was not asked (older registrations), wants one', () => {
    expect(wantsInternship(['recentGraduate'], true)).toBe(true);
    expect(wantsInternship(['recentGraduate'], undefined)).toBe(true);
    expect(wantsInternship(['older', 'recentGraduate'], null)).toBe(true);
  });

  it('a recent graduate who said no does not', () => {
    expect(wantsInternship(['recentGraduate'], false)).toBe(false);
  });

  it('nobody else, whatever they answered', () => {
    expect(wantsInternship([], true)).toBe(false);
    expect(wantsInternship(['veteran', 'longTermUnemployed'], true)).toBe(false);
    expect(wantsInternship([], undefined)).toBe(false);
  });
});

describe('the registration contract: wishes.wantsInternship', () => {
  const wishes = {
    occupations: ['4-02-06-01'],
    salaryMin: 3000,
    salaryMax: 4500,
    commuteKm: 10,
    workTypes: ['fullTime'],
  };

  it('is optional and a yes or a no', () => {
    expect(wishesSchema.parse(wishes)).not.toHaveProperty('wantsInternship');
    expect(wishesSchema.parse({ ...wishes, wantsInternship: true }).wantsInternship).toBe(true);
    expect(wishesSchema.parse({ ...wishes, wantsInternship: false }).wantsInternship).toBe(false);
    expect(draftSectionsSchema.parse({ wishes: { wantsInternship: false } })).toEqual({
      wishes: { wantsInternship: false },
    });
  });

  it('refuses anything else, with a message in Chinese at the field', () => {
    for (const value of ['yes', 1, null]) {
      const parsed = wishesSchema.safeParse({ ...wishes, wantsInternship: value });
      expect(parsed.success).toBe(false);
      expect(fieldErrors(parsed.error!)).toEqual({ wantsInternship: '请选择是否愿意参加就业见习' });
      expect(draftSectionsSchema.safeParse({ wishes: { wantsInternship: value } }).success).toBe(
        false,
      );
    }
  });

  it('is named in messages and in the correction history', () => {
    expect(FIELD_LABELS['wishes.wantsInternship']).toBe('愿意参加就业见习');
  });
});
