// Tests for sessionTemplates.ts, the pure helpers beside it.
import { describe, expect, it } from 'vitest';
import type { SessionTemplateDto } from '../../lib/ipc/bindings';
import {
  blankTemplate,
  noteHeadings,
  retireRequest,
  sortTemplates,
  templateFields,
  templateRequest,
  templateSummary,
  toggleIntervention,
  togglePathway,
} from './sessionTemplates';

const template: SessionTemplateDto = {
  id: 'tpl1',
  name: 'First appointment',
  pathways: ['drugs_and_alcohol'],
  interventions: ['harm_reduction_advice', 'naloxone_supplied'],
  notes: 'Use since last seen:\n\nPlan:',
};

describe('session templates', () => {
  it('starts blank and copies a template to edit', () => {
    expect(blankTemplate()).toEqual({ name: '', pathways: [], interventions: [], notes: '' });
    const fields = templateFields(template);
    fields.pathways.push('health');
    expect(template.pathways).toEqual(['drugs_and_alcohol']);
  });

  it('saves new and changed templates, and retires one as it stands', () => {
    expect(templateRequest(null, templateFields(template))).toEqual({
      templateId: null,
      name: 'First appointment',
      pathways: ['drugs_and_alcohol'],
      interventions: ['harm_reduction_advice', 'naloxone_supplied'],
      notes: 'Use since last seen:\n\nPlan:',
      retired: false,
    });
    expect(retireRequest(template)).toMatchObject({ templateId: 'tpl1', name: 'First appointment', retired: true });
  });

  it('keeps ticked codes in the order they are offered', () => {
    expect(togglePathway(['health'], 'accommodation', true)).toEqual(['accommodation', 'health']);
    expect(togglePathway(['accommodation', 'health'], 'accommodation', false)).toEqual(['health']);
    expect(togglePathway(['health'], 'health', true)).toEqual(['health']);
    expect(toggleIntervention(['onward_referral', 'old_code'], 'recovery_support', true)).toEqual([
      'recovery_support',
      'onward_referral',
      'old_code',
    ]);
  });

  it('lists templates by name and sums them up', () => {
    const b = { ...template, id: 'b', name: 'review' };
    const a = { ...template, id: 'a', name: 'Assessment' };
    expect(sortTemplates([b, template, a]).map((t) => t.id)).toEqual(['a', 'tpl1', 'b']);
    expect(templateSummary(template)).toBe(
      'Pathways: Drugs and alcohol. Interventions: Harm reduction advice, Naloxone supplied.',
    );
    expect(templateSummary({ pathways: [], interventions: [] })).toBe('No pathways or interventions.');
    expect(noteHeadings(template.notes)).toEqual(['Use since last seen:', 'Plan:']);
  });
});
