import { describe, expect, it } from 'vitest';
import { personalDataKinds } from './classification.js';
import { redactPersonalData } from './redaction.js';

describe('redactPersonalData', () => {
  it.each([
    ['no personal data', 'Invoices close on the 5th.', 'Invoices close on the 5th.', []],
    ['an e-mail', 'Ask tess@example.com first.', 'Ask [EMAIL] first.', ['EMAIL']],
    [
      'an IBAN and a phone number',
      'Pay DE89 3704 0044 0532 0130 00, call +49 30 1234 5678.',
      'Pay [IBAN], call [PHONE].',
      ['IBAN', 'PHONE'],
    ],
    ['a salary', 'Her salary is €85,000 a year.', 'Her [SALARY] a year.', ['SALARY']],
    [
      'a card number beside text',
      'Card 4111 1111 1111 1111 expires.',
      'Card [PAYMENT_CARD] expires.',
      ['PAYMENT_CARD'],
    ],
  ])('%s', (_, text, expected, removed) => {
    const result = redactPersonalData(text);
    expect(result).toEqual({ text: expected, removed });
    // What is left holds nothing the classifier would flag.
    expect(personalDataKinds(result.text)).toEqual([]);
  });

  it('removes every occurrence, and the whole of a salary with its unit', () => {
    const text = 'a@example.com, b@example.org; bonus of 12,500 EUR, pay $9,000.50 monthly';
    expect(redactPersonalData(text)).toEqual({
      text: '[EMAIL], [EMAIL]; [SALARY], [SALARY] monthly',
      removed: ['EMAIL', 'SALARY'],
    });
  });
});
