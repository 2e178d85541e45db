/**
 * The staff-binding form checks codes without zod (main-package size); its verdict and message
 * must be the contract's, which the cloud applies again.
 */
import fc from 'fast-check';

import { contracts, fieldErrors, INVITATION_ALPHABET } from '@nuanxin/shared';

import { checkCode } from '../../src/components/RedeemInvitationForm';

const schema = contracts.user.redeemInvitation.input;

function viaContract(text: string) {
  const parsed = schema.safeParse({ code: text });
  return parsed.success
    ? { ok: true as const, code: parsed.data.code }
    : { ok: false as const, message: fieldErrors(parsed.error).code };
}

it('agrees with the contract on every code, valid or not', () => {
  const codeLike = fc.oneof(
    fc.string({ maxLength: 12 }),
    fc
      .array(
        fc.constantFrom(
          ...INVITATION_ALPHABET,
          ...INVITATION_ALPHABET.toLowerCase(),
          ' ',
          '0',
          'O',
          'I',
        ),
        {
          maxLength: 10,
        },
      )
      .map((chars) => chars.join('')),
  );
  fc.assert(
    fc.property(codeLike, (text) => {
      expect(checkCode(text)).toEqual(viaContract(text));
    }),
    { numRuns: 500 },
  );
});
