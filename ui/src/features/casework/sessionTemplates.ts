// Session templates, kept by managers: a name, the pathways and interventions
// it ticks, and headings it writes into the notes. Pure, so it is unit-tested.
import type { SaveTemplateRequest, SessionTemplateDto } from '../../lib/ipc/bindings';
import { INTERVENTIONS, PATHWAYS, interventionLabel, pathwayLabel } from '../../lib/pathwayWords';
import { type Choice } from '../../lib/words';

export type TemplateFields = {
  name: string;
  pathways: string[];
  interventions: string[];
  notes: string;
};

export function blankTemplate(): TemplateFields {
  return { name: '', pathways: [], interventions: [], notes: '' };
}

/** A template's fields, to edit (copies, so the list is not changed as the form is). */
export function templateFields(template: SessionTemplateDto): TemplateFields {
  return {
    name: template.name,
    pathways: [...template.pathways],
    interventions: [...template.interventions],
    notes: template.notes,
  };
}

/** The request that saves the fields: a new template when `templateId` is null. */
export function templateRequest(templateId: string | null, fields: TemplateFields, retired = false): SaveTemplateRequest {
  return {
    templateId,
    name: fields.name,
    pathways: [...fields.pathways],
    interventions: [...fields.interventions],
    notes: fields.notes,
    retired,
  };
}

/** The request that retires a template as it stands. */
export function retireRequest(template: SessionTemplateDto): SaveTemplateRequest {
  return templateRequest(template.id, templateFields(template), true);
}

/** A code ticked or unticked, the list kept in the order the choices are offered. */
export function toggleCode(list: readonly string[], code: string, on: boolean, choices: readonly Choice[]): string[] {
  const chosen = new Set(list.filter((c) => c !== code));
  if (on) chosen.add(code);
  const known = choices.map((c) => c.value).filter((value) => chosen.has(value));
  const unknown = [...chosen].filter((value) => !choices.some((c) => c.value === value));
  return [...known, ...unknown];
}

export function togglePathway(list: readonly string[], code: string, on: boolean): string[] {
  return toggleCode(list, code, on, PATHWAYS);
}

export function toggleIntervention(list: readonly string[], code: string, on: boolean): string[] {
  return toggleCode(list, code, on, INTERVENTIONS);
}

/** Templates by name, as they are offered. */
export function sortTemplates(templates: readonly SessionTemplateDto[]): SessionTemplateDto[] {
  return [...templates].sort((a, b) => a.name.localeCompare(b.name, 'en-GB', { sensitivity: 'base' }));
}

/** "Pathways: Health. Interventions: Relapse prevention, Recovery support." or "No pathways or interventions." */
export function templateSummary(template: Pick<SessionTemplateDto, 'pathways' | 'interventions'>): string {
  const parts: string[] = [];
  if (template.pathways.length > 0) parts.push(`Pathways: ${template.pathways.map(pathwayLabel).join(', ')}.`);
  if (template.interventions.length > 0) parts.push(`Interventions: ${template.interventions.map(interventionLabel).join(', ')}.`);
  return parts.length > 0 ? parts.join(' ') : 'No pathways or interventions.';
}

/** The notes' headings, one a line, blank lines left out: for a short preview. */
export function noteHeadings(notes: string): string[] {
  return notes
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}
