//! The wire types: everything that crosses between the web UI and the shell.
//!
//! Only this module defines types that cross IPC. Core types never do: each
//! is converted here, so the core can change shape without the UI noticing,
//! and the UI's TypeScript types (generated from these by ts-rs into
//! `ui/src/lib/ipc/bindings.ts`) describe exactly what is sent.
//!
//! One file per area: [`session`], [`clients`], [`caseload`], [`client_parts`], [`casework`],
//! [`client_profile`], [`episodes`], [`sync`], [`resolve`], [`accounts`], [`audit`] and
//! [`errors`].

mod accounts;
mod appointments;
mod audit;
mod caseload;
mod casework;
mod client_parts;
mod client_profile;
mod clients;
mod episodes;
mod errors;
mod pathways;
mod resolve;
mod session;
mod session_records;
mod sync;

pub use accounts::*;
pub use appointments::*;
pub use audit::*;
pub use caseload::*;
pub use casework::*;
pub use client_parts::*;
pub use client_profile::*;
pub use clients::*;
pub use episodes::*;
pub use errors::*;
pub use pathways::*;
pub use resolve::*;
pub use session::*;
pub use session_records::*;
pub use sync::*;

use ts_rs::TS;

/// The TypeScript of every wire type, in one file, in a fixed order.
pub fn typescript_bindings() -> String {
    let config = ts_rs::Config::default();
    let declarations = [
        UnitKindDto::decl(&config),
        UnitDto::decl(&config),
        CaseRoleDto::decl(&config),
        SessionDto::decl(&config),
        CreatedUnitDto::decl(&config),
        DemoCredentialsDto::decl(&config),
        StartupDto::decl(&config),
        PasswordCheckDto::decl(&config),
        CreateUnitRequest::decl(&config),
        UnlockRequest::decl(&config),
        ChangePasswordRequest::decl(&config),
        RecoverRequest::decl(&config),
        NewClientRequest::decl(&config),
        ClientIdentifiersDto::decl(&config),
        DuplicateReasonDto::decl(&config),
        DuplicateMatchDto::decl(&config),
        MergeRequest::decl(&config),
        ClientAccessDto::decl(&config),
        StaffMemberDto::decl(&config),
        RagDto::decl(&config),
        RagReviewDto::decl(&config),
        RagReviewRequest::decl(&config),
        CohortFlagDto::decl(&config),
        CohortFlagEntryDto::decl(&config),
        CohortDto::decl(&config),
        SetCohortFlagRequest::decl(&config),
        RemoveCohortFlagRequest::decl(&config),
        OgrsRequest::decl(&config),
        SafetyFlagKindDto::decl(&config),
        SafetyFlagDto::decl(&config),
        RaiseSafetyFlagRequest::decl(&config),
        ReviewSafetyFlagRequest::decl(&config),
        EndSafetyFlagRequest::decl(&config),
        DueReviewDto::decl(&config),
        ReferralRouteDto::decl(&config),
        ClockStatusDto::decl(&config),
        ReferralClockDto::decl(&config),
        EpisodeDto::decl(&config),
        ReferralRequest::decl(&config),
        PickUpRequest::decl(&config),
        ReferralOutcomeRequest::decl(&config),
        CloseEpisodeRequest::decl(&config),
        ClientProfileDto::decl(&config),
        ClientProfileRequest::decl(&config),
        ChoiceDto::decl(&config),
        ProfileChoicesDto::decl(&config),
        ClientRowDto::decl(&config),
        WhoseDto::decl(&config),
        EpisodeFilterDto::decl(&config),
        RagFilterDto::decl(&config),
        ClockFilterDto::decl(&config),
        CaseloadSortDto::decl(&config),
        CaseloadQueryDto::decl(&config),
        CaseloadCountsDto::decl(&config),
        CaseloadPageDto::decl(&config),
        ClientViewDto::decl(&config),
        ClientDetailsRequest::decl(&config),
        AllocationRequest::decl(&config),
        BreakGlassRequest::decl(&config),
        FindClientRequest::decl(&config),
        ClientMatchDto::decl(&config),
        UnitSettingsDto::decl(&config),
        SyncStatusDto::decl(&config),
        SyncReportDto::decl(&config),
        SyncProgressDto::decl(&config),
        ConnectShareRequest::decl(&config),
        JoinUnitRequest::decl(&config),
        ComputerStandingDto::decl(&config),
        ComputerDecisionDto::decl(&config),
        ComputerDto::decl(&config),
        RefusedChangeDto::decl(&config),
        WithdrawComputerRequest::decl(&config),
        ContestedSubjectDto::decl(&config),
        ContestedValueDto::decl(&config),
        ResolveOptionDto::decl(&config),
        ResolveItemDto::decl(&config),
        ResolveRequest::decl(&config),
        ConsentRecordDto::decl(&config),
        ConsentRequest::decl(&config),
        AccountStatusDto::decl(&config),
        AccountDto::decl(&config),
        NewAccountRequest::decl(&config),
        RoleChangeRequest::decl(&config),
        OneTimePasswordDto::decl(&config),
        AuditFilterDto::decl(&config),
        AuditEntryDto::decl(&config),
        AuditPageDto::decl(&config),
        AuditCheckDto::decl(&config),
        AppointmentDto::decl(&config),
        NextAppointmentDto::decl(&config),
        BookAppointmentRequest::decl(&config),
        ClashDto::decl(&config),
        BookingWarningsDto::decl(&config),
        MoveAppointmentRequest::decl(&config),
        RecordOutcomeRequest::decl(&config),
        OutcomeRecordedDto::decl(&config),
        DiaryRequest::decl(&config),
        DiaryEntryDto::decl(&config),
        ActionFormDto::decl(&config),
        SessionFormDto::decl(&config),
        SaveDraftRequest::decl(&config),
        SessionDraftDto::decl(&config),
        DraftListedDto::decl(&config),
        AddendumDto::decl(&config),
        SessionRecordDto::decl(&config),
        SignSessionRequest::decl(&config),
        AddendumRequest::decl(&config),
        TaskDto::decl(&config),
        TaskListedDto::decl(&config),
        TaskChangeKindDto::decl(&config),
        ChangeTaskRequest::decl(&config),
        OrderStandingDto::decl(&config),
        ProbationNoticeDto::decl(&config),
        ProbationNoticeRequest::decl(&config),
        TimelineEntryDto::decl(&config),
        PathwayEntryFormDto::decl(&config),
        AssessmentFormDto::decl(&config),
        PathwayScoreDto::decl(&config),
        AssessmentDto::decl(&config),
        AssessmentDraftDto::decl(&config),
        GoalFormDto::decl(&config),
        GoalDto::decl(&config),
        GoalAtReviewDto::decl(&config),
        PlanReviewDto::decl(&config),
        AssessmentDueDto::decl(&config),
        PathwaysDto::decl(&config),
        SaveAssessmentRequest::decl(&config),
        AssessmentAddendumRequest::decl(&config),
        SaveGoalRequest::decl(&config),
        CohortRequest::decl(&config),
        CohortOutcomesDto::decl(&config),
        SaveExportRequest::decl(&config),
        CaseworkDto::decl(&config),
        SearchNotesRequest::decl(&config),
        NoteFoundDto::decl(&config),
        SessionTemplateDto::decl(&config),
        SaveTemplateRequest::decl(&config),
        ErrorCodeDto::decl(&config),
        IpcError::decl(&config),
    ];
    let mut out = String::from(
        "// Generated from src-tauri/src/ipc/ by ts-rs. Do not edit by hand:\n// run `make bindings` after changing the Rust types.\n\n",
    );
    for declaration in declarations {
        out.push_str("export ");
        out.push_str(&declaration);
        out.push_str("\n\n");
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}
