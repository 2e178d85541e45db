import {
  nameValue,
  phraseValue,
  registrationResultData,
  templateId,
  thingValue,
} from '@nuanxin/shared';

describe('subscription template fields are cut to WeChat limits', () => {
  it.each([
    ['短句', '短句'],
    ['一二三四五六七八九十一二三四五六七八九十', '一二三四五六七八九十一二三四五六七八九十'],
    ['一二三四五六七八九十一二三四五六七八九十多', '一二三四五六七八九十一二三四五六七八九…'],
    ['  空格\n换行  ', '空格 换行'],
    ['', '无'],
  ])('thing %j → %j', (input, out) => {
    expect(thingValue(input)).toBe(out);
    expect([...thingValue(input)].length).toBeLessThanOrEqual(20);
  });

  it.each([
    ['已登记', '已登记'],
    ['灵活就业', '灵活就业'],
    ['已登记（OK）', '已登记'],
    ['一二三四五六', '一二三四五'],
    ['OK', '已办理'],
  ])('phrase %j → %j (Chinese only, ≤ 5)', (input, out) => {
    expect(phraseValue(input)).toBe(out);
  });

  it('name ≤ 10 characters', () => {
    expect(nameValue('阿卜杜热合曼·买买提艾力')).toHaveLength(10);
    expect(nameValue('张敏')).toBe('张敏');
  });

  it('登记结果: the five keywords, time in Shanghai', () => {
    expect(
      registrationResultData({
        result: '待核验',
        caseworkerName: null,
        at: new Date('2026-11-22T01:30:00Z'),
        note: '请准备申报材料，等待工作人员核验',
      }),
    ).toEqual({
      thing1: { value: '失业登记' },
      phrase2: { value: '待核验' },
      name3: { value: '待分配' },
      time4: { value: '2026-11-22 09:30' },
      thing5: { value: '请准备申报材料，等待工作人员核验' },
    });
  });

  it('template ids come from the environment, with a stable local default', () => {
    expect(templateId('registrationResult', {})).toBe('local-registrationResult');
    expect(
      templateId('registrationResult', { NUANXIN_TEMPLATE_REGISTRATION_RESULT: 'tmpl-abc' }),
    ).toBe('tmpl-abc');
  });
});
