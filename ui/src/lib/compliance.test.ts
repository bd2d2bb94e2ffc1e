// Compliance with orders: standings, notices and counts in words.
import { describe, expect, it } from 'vitest';
import { countFallsWords, noticeFor, standingVerdict, standingWords } from './compliance';

describe('compliance', () => {
  const thresholds = { absenceWarningAt: 1, absenceBreachReferralAt: 2 };

  it('says the standing with the count and the threshold reached', () => {
    expect(standingWords({ unacceptable: 1, standing: 'warning_due' }, thresholds)).toBe(
      '1 unacceptable absence in 12 months — warning due (threshold 1)',
    );
    expect(standingWords({ unacceptable: 3, standing: 'breach_referral_due' }, thresholds)).toBe(
      '3 unacceptable absences in 12 months — referral for breach due (threshold 2)',
    );
    expect(standingWords({ unacceptable: 0, standing: 'compliant' }, thresholds)).toBe(
      '0 unacceptable absences in 12 months — compliant (warning at 1)',
    );
    expect(standingWords({ unacceptable: 0, standing: 'compliant' }, null)).toBe('0 unacceptable absences in 12 months — compliant');
    expect(standingVerdict({ standing: 'breach_referral_due' }, { absenceWarningAt: 2, absenceBreachReferralAt: 4 })).toBe(
      'referral for breach due (threshold 4)',
    );
  });

  it('says when the count falls and which notice is due', () => {
    expect(countFallsWords({ countFallsOn: '2027-01-10' })).toBe('The count falls by one on 10 Jan 2027.');
    expect(countFallsWords({ countFallsOn: null })).toBeNull();
    expect(noticeFor('warning_due')).toBe('warning');
    expect(noticeFor('breach_referral_due')).toBe('breach_referral');
    expect(noticeFor('compliant')).toBe('');
  });
});
