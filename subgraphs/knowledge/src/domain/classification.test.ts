import { BadInputError } from '@daena/platform/domain';
import { describe, expect, it } from 'vitest';
import {
  checkAccessChoice,
  classifyKind,
  findPersonalData,
  ibanChecksumValid,
  luhnValid,
  personalDataKinds,
  suggestAccessLevel,
} from './classification.js';

describe('personal data in content', () => {
  it.each([
    ['no personal data', 'Receipts within 30 days, reviewed in Q3.', []],
    ['an e-mail address', 'Write to ana.lopez@example.com', ['EMAIL']],
    ['an international phone number', 'Call +44 20 7946 0958', ['PHONE']],
    ['a national phone number', 'Ring 030 1234 5678 after nine', ['PHONE']],
    ['a valid IBAN, grouped', 'Pay DE89 3704 0044 0532 0130 00', ['IBAN']],
    [
      'a bad IBAN check digit: only its digits count, as a phone',
      'Pay DE88 3704 0044 0532 0130 00',
      ['PHONE'],
    ],
    ['a card number passing Luhn', 'Card 4111 1111 1111 1111', ['PAYMENT_CARD']],
    ['a salary figure', "Ana's salary is €4,200 a month", ['SALARY']],
    ['pay in thousands', 'Base pay 85k USD', ['SALARY']],
    ['a year and a count', 'In 2026 we hired 14 people', []],
  ])('%s', (_case, text, kinds) => {
    expect(personalDataKinds(text)).toEqual(kinds);
  });

  it('claims a span once: an IBAN’s digits are not also a phone number', () => {
    const spans = findPersonalData('IBAN GB82 WEST 1234 5698 7654 32');
    expect(spans.map((span) => span.kind)).toEqual(['IBAN']);
  });

  it('checks IBANs by ISO 7064 mod 97-10 and cards by Luhn', () => {
    expect(ibanChecksumValid('GB82WEST12345698765432')).toBe(true);
    expect(ibanChecksumValid('GB83WEST12345698765432')).toBe(false);
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('4111111111111112')).toBe(false);
  });
});

describe('the suggested access level', () => {
  it.each([
    [[], 'PUBLIC'],
    [['EMAIL'], 'CONFIDENTIAL'],
    [['PHONE', 'EMAIL'], 'CONFIDENTIAL'],
    [['EMAIL', 'SALARY'], 'PERSONAL'],
    [['IBAN'], 'PERSONAL'],
  ] as const)('%j → %s', (kinds, level) => {
    expect(suggestAccessLevel(kinds)).toBe(level);
  });

  it('lets the author go stricter freely, and less strict only with a reason', () => {
    expect(() => checkAccessChoice('PERSONAL', 'CONFIDENTIAL', undefined)).not.toThrow();
    expect(() => checkAccessChoice('PUBLIC', 'PUBLIC', null)).not.toThrow();
    expect(() => checkAccessChoice('PUBLIC', 'CONFIDENTIAL', 'switchboard')).not.toThrow();
    expect(() => checkAccessChoice('PUBLIC', 'CONFIDENTIAL', '  ')).toThrow(BadInputError);
    expect(() => checkAccessChoice('RESTRICTED', 'PERSONAL', null)).toThrow(
      expect.objectContaining({ reason: 'ACCESS_OVERRIDE_REASON_REQUIRED' }),
    );
  });
});

describe('the kind of an entry', () => {
  it.each([
    ['Expense policy', 'Receipts must be filed within 30 days.', 'POLICY'],
    ['How to close the month', 'First reconcile, then post, finally lock.', 'PROCEDURE'],
    ['Vendor choice', 'We decided on Acme; the board approved it.', 'DECISION'],
    ['Q3 results', 'Revenue summary and KPI report.', 'REPORT'],
    ['Office', 'The office is a short walk from the station.', 'FACT'],
    ['Thoughts', 'Maybe later.', 'NOTE'],
  ])('%s → %s', (title, body, kind) => {
    expect(classifyKind(title, body)).toBe(kind);
  });
});
