import {
  AppError,
  ERROR_CODES,
  ERROR_MESSAGES,
  fail,
  fieldErrors,
  ok,
  validationFailure,
  z,
} from '@nuanxin/shared';

describe('results', () => {
  it('every error code has a Chinese default message', () => {
    for (const code of ERROR_CODES) expect(ERROR_MESSAGES[code]).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('ok wraps data; fail carries code, message and only non-empty fields', () => {
    expect(ok({ a: 1 })).toEqual({ ok: true, data: { a: 1 } });
    expect(fail('FORBIDDEN')).toEqual({
      ok: false,
      error: { code: 'FORBIDDEN', message: ERROR_MESSAGES.FORBIDDEN },
    });
    expect(fail('VALIDATION', '错', {})).toEqual({
      ok: false,
      error: { code: 'VALIDATION', message: '错' },
    });
  });

  it('AppError turns into the same failure', () => {
    const error = new AppError('CONFLICT', '已存在', { code: '重复' });
    expect(error.toResult()).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: '已存在', fields: { code: '重复' } },
    });
  });
});

describe('zod speaks Chinese (zh-CN locale) and errors map to fields', () => {
  const schema = z.strictObject({
    name: z.string().min(2),
    age: z.number().int(),
    address: z.object({ township: z.string().regex(/^\d{9}$/, { error: '乡镇代码应为9位数字' }) }),
  });

  it('generic messages are Chinese', () => {
    const result = schema.safeParse({ name: 'a', age: 'x', address: { township: '1' } });
    expect(result.success).toBe(false);
    if (result.success) return;
    const fields = fieldErrors(result.error);
    expect(Object.keys(fields).sort()).toEqual(['address.township', 'age', 'name']);
    expect(fields.name).toMatch(/[\u4e00-\u9fa5]/);
    expect(fields.age).toMatch(/[\u4e00-\u9fa5]/);
    expect(fields['address.township']).toBe('乡镇代码应为9位数字');
  });

  it('validationFailure names the first problem and where it is', () => {
    const result = schema.safeParse({ name: '张三', age: 30, address: { township: 'x' } });
    if (result.success) throw new Error('expected failure');
    const failure = validationFailure(result.error);
    expect(failure.error.code).toBe('VALIDATION');
    expect(failure.error.message).toBe('乡镇代码应为9位数字（address.township）');
  });

  it('unknown keys of a strict object are refused in Chinese', () => {
    const result = schema.safeParse({
      name: '张三',
      age: 30,
      address: { township: '370811002' },
      x: 1,
    });
    if (result.success) throw new Error('expected failure');
    expect(validationFailure(result.error).error.message).toMatch(/[\u4e00-\u9fa5]/);
  });
});
