// The words for the seven pathways, the interventions of a session and who
// is to do an action: shared by session records, assessments and the plan.
import type { Choice } from './words';
import { wordsFrom } from './words';

export const PATHWAYS: readonly Choice[] = [
  { value: 'accommodation', label: 'Accommodation' },
  { value: 'education_training_employment', label: 'Education, training and employment' },
  { value: 'health', label: 'Health' },
  { value: 'drugs_and_alcohol', label: 'Drugs and alcohol' },
  { value: 'finance_benefits_debt', label: 'Finance, benefits and debt' },
  { value: 'children_and_families', label: 'Children and families' },
  { value: 'attitudes_thinking_behaviour', label: 'Attitudes, thinking and behaviour' },
];

export const INTERVENTIONS: readonly Choice[] = [
  { value: 'advice_and_brief_intervention', label: 'Advice and brief intervention' },
  { value: 'recovery_support', label: 'Recovery support' },
  { value: 'relapse_prevention', label: 'Relapse prevention' },
  { value: 'harm_reduction_advice', label: 'Harm reduction advice' },
  { value: 'naloxone_supplied', label: 'Naloxone supplied' },
  { value: 'motivational_work', label: 'Motivational work' },
  { value: 'practical_support', label: 'Practical support' },
  { value: 'onward_referral', label: 'Onward referral' },
];

export const ACTION_WHO: readonly Choice[] = [
  { value: 'client', label: 'The client' },
  { value: 'keyworker', label: 'The keyworker' },
  { value: 'partner_agency', label: 'A partner agency' },
];

export const pathwayLabel = wordsFrom(PATHWAYS);
export const interventionLabel = wordsFrom(INTERVENTIONS);
export const actionWhoLabel = wordsFrom(ACTION_WHO);
