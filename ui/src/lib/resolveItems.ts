// Words for resolve items: a safety-critical value two computers changed
// while apart, and each side of it. Pure, so it is unit-tested.
import type { ContestedValue, ResolveItemDto, ResolveOptionDto } from './ipc/bindings';
import { ragLabel } from './clients';
import { formatDate } from './format';
import { formatDateTime } from './audit';
import { kindLabel } from './safetyFlags';
import { absenceLabel, absenceReasonLabel, outcomeLabel } from './appointments';

/** What was changed apart: "RAG status", "Allocation", "Safety flag: Risk to staff". */
export function itemTitle(item: ResolveItemDto): string {
  switch (item.subject) {
    case 'rag':
      return 'RAG status';
    case 'allocation':
      return 'Allocation';
    case 'safety_flag': {
      const flag = item.options[0]?.value;
      return flag && flag.kind === 'safety_flag' ? `Safety flag: ${kindLabel(flag.flagKind)}` : 'Safety flag';
    }
    case 'appointment_outcome':
      return 'What happened at an appointment';
  }
}

/**
 * One side's value in a line: "Red: “Arrested for burglary”", "Keyworker Kim
 * Lee, no co-worker", "Ended: “Threat withdrawn”", "Did not attend (DNA);
 * unacceptable absence".
 */
export function valueWords(value: ContestedValue): string {
  switch (value.kind) {
    case 'rag':
      return value.reason ? `${ragLabel(value.rating)}: “${value.reason}”` : ragLabel(value.rating);
    case 'allocation': {
      if (!value.keyworker) return value.coWorker ? `No keyworker; co-worker ${value.coWorker.fullName}` : 'Not allocated';
      const co = value.coWorker ? `co-worker ${value.coWorker.fullName}` : 'no co-worker';
      return `Keyworker ${value.keyworker.fullName}, ${co}`;
    }
    case 'safety_flag':
      return value.ended
        ? `Ended${value.endReason ? `: “${value.endReason}”` : ''}`
        : `Active, review by ${formatDate(value.reviewBy)}: “${value.note}”`;
    case 'appointment_outcome': {
      let words = outcomeLabel(value.outcome);
      if (value.reason) words += `: “${value.reason}”`;
      if (value.absence) {
        const why = value.absenceReason ? ` (${absenceReasonLabel(value.absenceReason).toLowerCase()})` : '';
        words += `; ${absenceLabel(value.absence).toLowerCase()}${why}`;
      }
      return words;
    }
  }
}

/** Who set a side and when: "Kim Lee, 26 Nov 2026 10:02:11". */
export function sideDetail(option: ResolveOptionDto): string {
  return `${option.madeBy ?? 'Someone no longer listed'}, ${formatDateTime(option.madeAt)}`;
}

/** "1 change to resolve", "3 changes to resolve". */
export function countWords(count: number): string {
  return `${count} ${count === 1 ? 'change' : 'changes'} to resolve`;
}
