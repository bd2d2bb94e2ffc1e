// Words for cohort and eligibility flags. Pure, so it is unit-tested.
import type { CohortFlag } from './ipc/bindings';

export const COHORT_FLAGS: ReadonlyArray<{ value: CohortFlag; label: string; short: string }> = [
  { value: 'ppo', label: 'Prolific and priority offender (PPO)', short: 'PPO' },
  { value: 'statutory_iom', label: 'Statutory IOM (OGRS 75 or more)', short: 'Statutory' },
  { value: 'sac', label: 'Serious acquisitive crime (SAC)', short: 'SAC' },
  { value: 'vap', label: 'Violence against the person (VAP)', short: 'VAP' },
  { value: 'woman_short_licence', label: 'Woman on a licence under 12 months', short: 'Woman <12m' },
  { value: 'eto', label: 'Electronic tagging order (ETO)', short: 'ETO' },
  { value: 'neighbourhood_crime', label: 'Neighbourhood crime', short: 'Neighbourhood' },
  { value: 'domestic_abuse', label: 'Domestic abuse', short: 'DA' },
  { value: 'drr', label: 'Drug rehabilitation requirement (DRR)', short: 'DRR' },
  { value: 'atr', label: 'Alcohol treatment requirement (ATR)', short: 'ATR' },
  { value: 'licence_dtc_dac', label: 'Licence with drug testing or appointment condition', short: 'DTC/DAC' },
  { value: 'community_order', label: 'Community order', short: 'CO' },
  { value: 'voluntary', label: 'Voluntary', short: 'Voluntary' },
];

export function cohortLabel(flag: CohortFlag): string {
  return COHORT_FLAGS.find((f) => f.value === flag)?.label ?? flag;
}

export function cohortShort(flag: CohortFlag): string {
  return COHORT_FLAGS.find((f) => f.value === flag)?.short ?? flag;
}

/** Why Casebook proposes a flag, in one line. */
export function proposalReason(flag: CohortFlag, ogrsScore: number | null): string {
  if (flag === 'statutory_iom' && ogrsScore !== null) return `An OGRS score of ${ogrsScore} is 75 or more.`;
  return 'The facts entered suggest it.';
}
