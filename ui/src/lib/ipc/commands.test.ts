// The command client: each command calls Tauri by its name with its arguments and counts, or not, as a change to sync; every rejection becomes a CommandError with words fit to show.
import { describe, expect, it, vi } from 'vitest';
import { CHANGING_COMMANDS, CommandError, makeCommands, toCommandError, UNEXPECTED_MESSAGE } from './commands';

describe('toCommandError', () => {
  it('keeps a well-formed IPC error', () => {
    const error = toCommandError({ code: 'wrong_credentials', message: 'That username or password is not right.' });
    expect(error).toBeInstanceOf(CommandError);
    expect(error).toBeInstanceOf(Error);
    expect(error.code).toBe('wrong_credentials');
    expect(error.message).toBe('That username or password is not right.');
  });

  it.each([
    ['a string', 'panicked at src/lib.rs:12'],
    ['null', null],
    ['undefined', undefined],
    ['a number', 42],
    ['a JS Error', new TypeError('window.__TAURI_INTERNALS__ is undefined')],
    ['an unknown code', { code: 'exploded', message: 'boom' }],
    ['a missing message', { code: 'locked' }],
    ['a non-string message', { code: 'locked', message: 7 }],
    ['an empty message', { code: 'locked', message: '  ' }],
  ])('turns %s into the generic internal error', (_label, reason) => {
    const error = toCommandError(reason);
    expect(error.code).toBe('internal');
    expect(error.message).toBe(UNEXPECTED_MESSAGE);
  });

  it.each(['forbidden', 'sign_in_delayed', 'account_locked_out', 'password_change_required'] as const)(
    'keeps the %s code and its message',
    (code) => {
      const error = toCommandError({ code, message: 'Plain words from the core.' });
      expect(error.code).toBe(code);
      expect(error.message).toBe('Plain words from the core.');
    },
  );

  it('passes an existing CommandError through', () => {
    const original = new CommandError('locked', 'Casebook is locked.');
    expect(toCommandError(original)).toBe(original);
  });
});

describe('makeCommands', () => {
  it('calls invoke with the command name and camelCase arguments', async () => {
    const invoke = vi.fn().mockResolvedValue({ id: 'c1', givenName: 'Ann', familyName: 'Lee', dateOfBirth: '1990-01-02' });
    const commands = makeCommands(invoke);
    const request = { givenName: 'Ann', familyName: 'Lee', dateOfBirth: '1990-01-02', crn: '', pncId: '', nhsNumber: '', gender: '', wantsSameSexKeyworker: false, confirmedNewPerson: false };
    await expect(commands.addClient(request)).resolves.toMatchObject({ id: 'c1' });
    expect(invoke).toHaveBeenCalledWith('add_client', { request });
  });

  it('maps every command to its Tauri name', async () => {
    const invoke = vi.fn().mockResolvedValue(null);
    const c = makeCommands(invoke);
    await c.startupState();
    await c.checkNewPassword('pw');
    await c.createUnit({ unitName: 'U', username: 'u', fullName: 'F', password: 'p' });
    await c.openDemoUnit();
    await c.unlock({ unit: 'real', username: 'u', password: 'p' });
    await c.lock();
    const caseloadQuery = { whose: 'mine', keyworkerId: null, episodes: 'open', rag: 'any', cohort: null, clock: 'any', area: null, sort: 'name', descending: false, page: 0 } as const;
    await c.caseloadPage(caseloadQuery);
    const details = { givenName: 'A', familyName: 'B', dateOfBirth: '1990-01-02', crn: 'X123456', pncId: '', nhsNumber: '', gender: '', wantsSameSexKeyworker: false, confirmedNewPerson: false };
    await c.addClient(details);
    await c.findProbableDuplicates(details);
    await c.searchClients('whitlok');
    await c.changePassword({ currentPassword: 'old', newPassword: 'new' });
    await c.recoverWithKey({ unit: 'real', recoveryKey: 'ABCD-EFGH', username: 'u', newPassword: 'n' });
    await c.issueRecoveryKey();
    await c.listAccounts();
    const account = { username: 'k', fullName: 'K W', agency: 'Police', caseRole: 'partner' as const, administrator: false, gender: null };
    await c.addAccount(account);
    await c.disableAccount('a1');
    await c.enableAccount('a2');
    await c.changeAccountRole({ accountId: 'a3', caseRole: 'manager', administrator: false });
    await c.releaseSignIn('k');
    const filter = { accountId: null, clientId: 'c9', action: 'signed_in', from: '2026-01-01', to: null };
    await c.auditTrail(filter, 2);
    await c.verifyAuditTrail();
    await c.exportAuditCsv(filter);
    await c.exportAuditCsvToShare(filter);
    await c.viewClient('c1');
    await c.openClientWithReason({ clientId: 'c2', reason: 'Police called about a curfew' });
    await c.findClientsOutsideCaseload({ familyName: 'Lee', dateOfBirth: '1980-01-01' });
    await c.updateClientDetails({ clientId: 'c1', details });
    const profile = { otherNames: ['Jay'], pronouns: '', address: '', postcode: 'SO14 7DU', localAuthority: 'southampton', phone: '', safeContactTimes: '', lettersHome: 'no', preferredLanguage: '', needsInterpreter: false, reasonableAdjustments: '', needsLiteracySupport: false, ethnicity: '', religion: '', sexualOrientation: '', disability: '', armedForces: 'veteran' };
    await c.joinUnit({ folder: '/share/unit', username: 'kim', password: 'p' });
    await c.syncStatus();
    await c.connectSharedFolder({ folder: '/share/unit' });
    await c.syncNow();
    await c.chooseFolder('Choose the folder');
    await c.computers();
    await c.approveComputer('d1');
    await c.withdrawComputer({ device: 'd2', reason: 'Laptop lost' });
    await c.resolveItems();
    await c.resolveItemsOfClient('c1');
    await c.resolve({ subject: 'rag', subjectId: 'c1', chosen: 'v1' });
    await c.duplicatesOfClient('c1');
    await c.mergeClients({ keptId: 'c1', mergedId: 'c2', reason: 'Same person, same CRN' });
    await c.deleteClient('c1', 'Test record keyed in');
    await c.updateClientProfile({ clientId: 'c1', profile });
    await c.profileChoices();
    await c.reviewRag({ clientId: 'c1', rating: 'red', reason: 'Arrested', nextReview: '' });
    const flag = { clientId: 'c1', kind: 'mappa', mappaCategory: '2', mappaLevel: '1', note: 'n', reviewBy: '2027-01-01' };
    await c.raiseSafetyFlag(flag);
    await c.reviewSafetyFlag({ flagId: 'f1', note: 'n', reviewBy: '2027-02-01' });
    await c.endSafetyFlag({ flagId: 'f1', reason: 'r' });
    await c.safetyReviewsDue();
    await c.setCohortFlag({ clientId: 'c1', flag: 'ppo' });
    await c.removeCohortFlag({ flagId: 'k1', reason: 'Panel decision' });
    await c.recordOgrs({ clientId: 'c1', score: '80', scoredOn: '2026-11-01' });
    await c.recordConsent({ clientId: 'c1', agency: 'Police', decision: 'withdrawn', how: '', decidedOn: '2026-11-20' });
    const referral = { clientId: 'c1', route: 'prison', referrer: 'HMP Winchester', receivedDate: '2026-11-20', receivedTime: '10:00', reason: '', releaseDate: '2026-11-24' };
    await c.receiveReferral(referral);
    await c.recordPickUp({ episodeId: 'e1', date: '2026-11-25', time: '11:00' });
    await c.recordReferralOutcome({ episodeId: 'e1', outcome: 'declined', note: '', date: '2026-11-25' });
    await c.closeEpisode({ episodeId: 'e1', exitReason: 'custody', note: '', date: '2026-11-26' });
    await c.allocatableStaff();
    await c.allocateClient({ clientId: 'c1', keyworkerId: null, coWorkerId: null, reason: '' });
    await c.unitSettings();
    const settings = { idleLockMinutes: 10, keyworkersSeeOtherClients: false, partnersKeepSummaryAfterWithdrawal: false, custodyScreeningHours: 24, newComputersNeedApproval: false, keepSyncFilesDays: 30, absenceWarningAt: 1, absenceBreachReferralAt: 2, initialAssessmentWithinDays: 14, reviewAssessmentEveryDays: 84 };
    await c.changeUnitSettings(settings);
    expect(invoke.mock.calls).toEqual([
      ['startup_state', undefined],
      ['check_new_password', { password: 'pw', username: null }],
      ['create_unit', { request: { unitName: 'U', username: 'u', fullName: 'F', password: 'p' } }],
      ['open_demo_unit', undefined],
      ['unlock', { request: { unit: 'real', username: 'u', password: 'p' } }],
      ['lock', undefined],
      ['caseload_page', { query: caseloadQuery }],
      ['add_client', { request: details }],
      ['find_probable_duplicates', { request: details }],
      ['search_clients', { query: 'whitlok' }],
      ['change_password', { request: { currentPassword: 'old', newPassword: 'new' } }],
      ['recover_with_key', { request: { unit: 'real', recoveryKey: 'ABCD-EFGH', username: 'u', newPassword: 'n' } }],
      ['issue_recovery_key', undefined],
      ['list_accounts', undefined],
      ['add_account', { request: account }],
      ['disable_account', { accountId: 'a1' }],
      ['enable_account', { accountId: 'a2' }],
      ['change_account_role', { request: { accountId: 'a3', caseRole: 'manager', administrator: false } }],
      ['release_sign_in', { username: 'k' }],
      ['audit_trail', { filter, page: 2 }],
      ['verify_audit_trail', undefined],
      ['export_audit_csv', { filter }],
      ['export_audit_csv_to_share', { filter }],
      ['view_client', { clientId: 'c1' }],
      ['open_client_with_reason', { request: { clientId: 'c2', reason: 'Police called about a curfew' } }],
      ['find_clients_outside_caseload', { request: { familyName: 'Lee', dateOfBirth: '1980-01-01' } }],
      ['update_client_details', { request: { clientId: 'c1', details } }],
      ['join_unit', { request: { folder: '/share/unit', username: 'kim', password: 'p' } }],
      ['sync_status', undefined],
      ['connect_shared_folder', { request: { folder: '/share/unit' } }],
      ['sync_now', undefined],
      ['choose_folder', { title: 'Choose the folder' }],
      ['computers', undefined],
      ['approve_computer', { device: 'd1' }],
      ['withdraw_computer', { request: { device: 'd2', reason: 'Laptop lost' } }],
      ['resolve_items', undefined],
      ['resolve_items_of_client', { clientId: 'c1' }],
      ['resolve', { request: { subject: 'rag', subjectId: 'c1', chosen: 'v1' } }],
      ['duplicates_of_client', { clientId: 'c1' }],
      ['merge_clients', { request: { keptId: 'c1', mergedId: 'c2', reason: 'Same person, same CRN' } }],
      ['delete_client', { clientId: 'c1', reason: 'Test record keyed in' }],
      ['update_client_profile', { request: { clientId: 'c1', profile } }],
      ['profile_choices', undefined],
      ['review_rag', { request: { clientId: 'c1', rating: 'red', reason: 'Arrested', nextReview: '' } }],
      ['raise_safety_flag', { request: flag }],
      ['review_safety_flag', { request: { flagId: 'f1', note: 'n', reviewBy: '2027-02-01' } }],
      ['end_safety_flag', { request: { flagId: 'f1', reason: 'r' } }],
      ['safety_reviews_due', undefined],
      ['set_cohort_flag', { request: { clientId: 'c1', flag: 'ppo' } }],
      ['remove_cohort_flag', { request: { flagId: 'k1', reason: 'Panel decision' } }],
      ['record_ogrs', { request: { clientId: 'c1', score: '80', scoredOn: '2026-11-01' } }],
      ['record_consent', { request: { clientId: 'c1', agency: 'Police', decision: 'withdrawn', how: '', decidedOn: '2026-11-20' } }],
      ['receive_referral', { request: referral }],
      ['record_pick_up', { request: { episodeId: 'e1', date: '2026-11-25', time: '11:00' } }],
      ['record_referral_outcome', { request: { episodeId: 'e1', outcome: 'declined', note: '', date: '2026-11-25' } }],
      ['close_episode', { request: { episodeId: 'e1', exitReason: 'custody', note: '', date: '2026-11-26' } }],
      ['allocatable_staff', undefined],
      ['allocate_client', { request: { clientId: 'c1', keyworkerId: null, coWorkerId: null, reason: '' } }],
      ['unit_settings', undefined],
      ['change_unit_settings', { request: settings }],
    ]);
  });

  it('maps the casework commands to their Tauri names', async () => {
    const invoke = vi.fn().mockResolvedValue(null);
    const c = makeCommands(invoke);
    const booking = { clientId: 'c1', startsAt: '2026-03-16T09:30', endsAt: '2026-03-16T10:30', kind: 'one_to_one', place: 'home_visit', room: '', otherAttendees: 'Probation officer', staffIds: ['a1'], movingAppointmentId: null };
    await c.bookingWarnings(booking);
    await c.bookAppointment(booking);
    await c.moveAppointment({ appointmentId: 'p1', startsAt: '2026-03-17T09:30', endsAt: '2026-03-17T10:30', room: 'Room 2' });
    const outcome = { appointmentId: 'p1', outcome: 'did_not_attend', reason: '', absence: 'unacceptable', absenceReason: '', absenceNote: '', newStartsAt: '', newEndsAt: '' };
    await c.recordAppointmentOutcome(outcome);
    await c.diary({ firstDay: '2026-03-16', days: 7, staffId: null, wholeUnit: true });
    const form = { appointmentId: '', heldOn: '2026-03-16', startsAt: '09:30', minutes: '50', place: 'office', present: 'Client', pathways: ['health'], interventions: ['relapse_prevention'], notes: 'Talked.', concerns: '', confidential: false, actions: [{ what: 'Ring GP', who: 'client', partnerAgency: '', dueOn: '2026-03-20' }] };
    await c.saveSessionDraft({ draftId: null, clientId: 'c1', form });
    await c.discardSessionDraft('d1');
    await c.sessionDrafts();
    await c.signSessionRecord({ draftId: 'd2' });
    await c.addSessionAddendum({ sessionId: 's1', text: 'Also discussed housing.' });
    await c.myTasks();
    await c.changeTask({ taskId: 't1', change: 'cancelled', reason: 'No longer needed', toAccountId: null });
    await c.recordProbationNotice({ clientId: 'c1', orderFlag: 'drr', what: 'warning', sentOn: '2026-03-16', note: '' });
    await c.searchSessionNotes({ words: 'housing' });
    await c.sessionTemplates();
    const template = { templateId: null, name: 'First session', pathways: ['health'], interventions: [], notes: 'Intro', retired: false };
    await c.saveSessionTemplate(template);
    expect(invoke.mock.calls).toEqual([
      ['booking_warnings', { request: booking }],
      ['book_appointment', { request: booking }],
      ['move_appointment', { request: { appointmentId: 'p1', startsAt: '2026-03-17T09:30', endsAt: '2026-03-17T10:30', room: 'Room 2' } }],
      ['record_appointment_outcome', { request: outcome }],
      ['diary', { request: { firstDay: '2026-03-16', days: 7, staffId: null, wholeUnit: true } }],
      ['save_session_draft', { request: { draftId: null, clientId: 'c1', form } }],
      ['discard_session_draft', { draftId: 'd1' }],
      ['session_drafts', undefined],
      ['sign_session_record', { request: { draftId: 'd2' } }],
      ['add_session_addendum', { request: { sessionId: 's1', text: 'Also discussed housing.' } }],
      ['my_tasks', undefined],
      ['change_task', { request: { taskId: 't1', change: 'cancelled', reason: 'No longer needed', toAccountId: null } }],
      ['record_probation_notice', { request: { clientId: 'c1', orderFlag: 'drr', what: 'warning', sentOn: '2026-03-16', note: '' } }],
      ['search_session_notes', { request: { words: 'housing' } }],
      ['session_templates', undefined],
      ['save_session_template', { request: template }],
    ]);
  });

  it('counts casework changes as changes to sync, but not drafts, which stay on this computer', () => {
    for (const name of ['book_appointment', 'move_appointment', 'record_appointment_outcome', 'sign_session_record', 'add_session_addendum', 'change_task', 'record_probation_notice', 'save_session_template']) {
      expect(CHANGING_COMMANDS.has(name)).toBe(true);
    }
    for (const name of ['booking_warnings', 'diary', 'save_session_draft', 'discard_session_draft', 'session_drafts', 'my_tasks', 'search_session_notes', 'session_templates']) {
      expect(CHANGING_COMMANDS.has(name)).toBe(false);
    }
  });

  it('sends the pathways commands with their requests, and counts signed work as changes to sync', async () => {
    const invoke = vi.fn().mockResolvedValue(null);
    const c = makeCommands(invoke);
    const form = { kind: 'initial', assessedOn: '2026-03-16', pathways: [], terminationWhileOpen: false };
    await c.saveAssessmentDraft({ clientId: 'c1', draftId: null, form });
    await c.discardAssessmentDraft('d1');
    await c.signAssessment({ clientId: 'c1', draftId: 'd2', form });
    await c.addAssessmentAddendum({ assessmentId: 'a1', text: 'Health score agreed with the GP.' });
    const goal = { pathway: 'health', clientWords: 'See a dentist', keyworkerWords: '', who: 'client', partnerAgency: '', targetOn: '2026-06-01', status: '', actions: [] };
    await c.savePlanGoal({ clientId: 'c1', goalId: null, goal });
    const cohort = { route: 'court', cohortFlag: '', order: '', gender: '', area: '', keyworkerId: '', closedFrom: '', closedTo: '' };
    await c.cohortOutcomes(cohort);
    await c.exportChart({ suggestedName: 'radar.svg', bytes: [60, 115] });
    expect(invoke.mock.calls).toEqual([
      ['save_assessment_draft', { request: { clientId: 'c1', draftId: null, form } }],
      ['discard_assessment_draft', { draftId: 'd1' }],
      ['sign_assessment', { request: { clientId: 'c1', draftId: 'd2', form } }],
      ['add_assessment_addendum', { request: { assessmentId: 'a1', text: 'Health score agreed with the GP.' } }],
      ['save_plan_goal', { request: { clientId: 'c1', goalId: null, goal } }],
      ['cohort_outcomes', { request: cohort }],
      ['export_chart', { request: { suggestedName: 'radar.svg', bytes: [60, 115] } }],
    ]);
    for (const name of ['sign_assessment', 'add_assessment_addendum', 'save_plan_goal']) {
      expect(CHANGING_COMMANDS.has(name)).toBe(true);
    }
    for (const name of ['save_assessment_draft', 'discard_assessment_draft', 'cohort_outcomes', 'export_chart']) {
      expect(CHANGING_COMMANDS.has(name)).toBe(false);
    }
  });

  it('throws a CommandError when invoke rejects', async () => {
    const commands = makeCommands(() => Promise.reject({ code: 'locked', message: 'Casebook is locked.' }));
    await expect(commands.lock()).rejects.toMatchObject({ name: 'CommandError', code: 'locked', message: 'Casebook is locked.' });
  });

  it('throws the generic internal error for an unexpected rejection', async () => {
    const commands = makeCommands(() => Promise.reject('something odd'));
    const error = await commands.lock().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CommandError);
    expect(error).toMatchObject({ code: 'internal', message: UNEXPECTED_MESSAGE });
  });
});
