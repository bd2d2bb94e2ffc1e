//! What is recorded on a client: RAG reviews, safety flags, cohort flags and OGRS scores, consent, referrals and episodes.

use casebook_core::clock::OsEntropy;

use crate::app_state::{AppState, with_unlocked};
use casebook_core::clients::consent::ConsentText;
use casebook_core::domain::ids::{ClientId, CohortFlagId, EpisodeId, SafetyFlagId};
use casebook_core::domain::referrals::NewReferral;
use casebook_core::domain::safety_flags::SafetyFlagText;

use crate::ipc::{
    CloseEpisodeRequest, CohortDto, ConsentRecordDto, ConsentRequest, DueReviewDto,
    EndSafetyFlagRequest, EpisodeDto, OgrsRequest, PickUpRequest, RagReviewDto, RagReviewRequest,
    RaiseSafetyFlagRequest, ReferralOutcomeRequest, ReferralRequest, RemoveCohortFlagRequest,
    ReviewSafetyFlagRequest, SafetyFlagDto, SetCohortFlagRequest,
};

use super::Answer;

pub fn review_rag(state: &AppState, request: &RagReviewRequest) -> Answer<Vec<RagReviewDto>> {
    let id = ClientId::parse(&request.client_id)?;
    let history = with_unlocked(state, |unit| {
        unit.review_rag(
            id,
            &request.rating,
            &request.reason,
            &request.next_review,
            state.clock.as_ref(),
            &mut OsEntropy,
        )
    })?;
    Ok(history.iter().map(RagReviewDto::from_review).collect())
}

pub fn raise_safety_flag(
    state: &AppState,
    request: &RaiseSafetyFlagRequest,
) -> Answer<Vec<SafetyFlagDto>> {
    let client = ClientId::parse(&request.client_id)?;
    let entered = SafetyFlagText {
        kind: &request.kind,
        mappa_category: &request.mappa_category,
        mappa_level: &request.mappa_level,
        note: &request.note,
        review_by: &request.review_by,
    };
    let flags = with_unlocked(state, |unit| {
        unit.raise_safety_flag(client, &entered, state.clock.as_ref(), &mut OsEntropy)
    })?;
    Ok(flags.iter().map(SafetyFlagDto::from_flag).collect())
}

pub fn review_safety_flag(
    state: &AppState,
    request: &ReviewSafetyFlagRequest,
) -> Answer<Vec<SafetyFlagDto>> {
    let id = SafetyFlagId::parse(&request.flag_id)?;
    let flags = with_unlocked(state, |unit| {
        unit.review_safety_flag(
            id,
            &request.note,
            &request.review_by,
            state.clock.as_ref(),
            &mut OsEntropy,
        )
    })?;
    Ok(flags.iter().map(SafetyFlagDto::from_flag).collect())
}

pub fn end_safety_flag(
    state: &AppState,
    request: &EndSafetyFlagRequest,
) -> Answer<Vec<SafetyFlagDto>> {
    let id = SafetyFlagId::parse(&request.flag_id)?;
    let flags = with_unlocked(state, |unit| {
        unit.end_safety_flag(id, &request.reason, state.clock.as_ref(), &mut OsEntropy)
    })?;
    Ok(flags.iter().map(SafetyFlagDto::from_flag).collect())
}

pub fn safety_reviews_due(state: &AppState) -> Answer<Vec<DueReviewDto>> {
    let today = state.clock.now().date_naive();
    let due = with_unlocked(state, |unit| unit.safety_reviews_due(today))?;
    Ok(due.iter().map(DueReviewDto::from_due).collect())
}

pub fn set_cohort_flag(state: &AppState, request: &SetCohortFlagRequest) -> Answer<CohortDto> {
    let client = ClientId::parse(&request.client_id)?;
    let cohort = with_unlocked(state, |unit| {
        unit.set_cohort_flag(client, &request.flag, state.clock.as_ref(), &mut OsEntropy)
    })?;
    Ok(CohortDto::from_cohort(&cohort))
}

pub fn remove_cohort_flag(
    state: &AppState,
    request: &RemoveCohortFlagRequest,
) -> Answer<CohortDto> {
    let id = CohortFlagId::parse(&request.flag_id)?;
    let cohort = with_unlocked(state, |unit| {
        unit.remove_cohort_flag(id, &request.reason, state.clock.as_ref(), &mut OsEntropy)
    })?;
    Ok(CohortDto::from_cohort(&cohort))
}

pub fn record_ogrs(state: &AppState, request: &OgrsRequest) -> Answer<CohortDto> {
    let client = ClientId::parse(&request.client_id)?;
    let cohort = with_unlocked(state, |unit| {
        unit.record_ogrs(
            client,
            &request.score,
            &request.scored_on,
            state.clock.as_ref(),
            &mut OsEntropy,
        )
    })?;
    Ok(CohortDto::from_cohort(&cohort))
}

pub fn record_consent(state: &AppState, request: &ConsentRequest) -> Answer<Vec<ConsentRecordDto>> {
    let client = ClientId::parse(&request.client_id)?;
    let entered = ConsentText {
        agency: &request.agency,
        decision: &request.decision,
        how: &request.how,
        decided_on: &request.decided_on,
    };
    let history = with_unlocked(state, |unit| {
        unit.record_consent(client, &entered, state.clock.as_ref(), &mut OsEntropy)
    })?;
    Ok(history.iter().map(ConsentRecordDto::from_record).collect())
}

fn episodes_answer(
    state: &AppState,
    episodes: &[casebook_core::store::episodes::Episode],
) -> Vec<EpisodeDto> {
    let now = state.clock.local_now();
    episodes
        .iter()
        .map(|e| EpisodeDto::from_episode(e, now))
        .collect()
}

pub fn receive_referral(state: &AppState, request: &ReferralRequest) -> Answer<Vec<EpisodeDto>> {
    let client = ClientId::parse(&request.client_id)?;
    let referral = NewReferral::parse(
        &request.route,
        &request.referrer,
        &request.received_date,
        &request.received_time,
        &request.reason,
        &request.release_date,
        state.clock.local_now(),
    )?;
    let episodes = with_unlocked(state, |unit| {
        unit.receive_referral(client, &referral, state.clock.as_ref(), &mut OsEntropy)
    })?;
    Ok(episodes_answer(state, &episodes))
}

pub fn record_pick_up(state: &AppState, request: &PickUpRequest) -> Answer<Vec<EpisodeDto>> {
    let episode = EpisodeId::parse(&request.episode_id)?;
    let episodes = with_unlocked(state, |unit| {
        unit.record_pick_up(
            episode,
            &request.date,
            &request.time,
            state.clock.as_ref(),
            &mut OsEntropy,
        )
    })?;
    Ok(episodes_answer(state, &episodes))
}

pub fn record_referral_outcome(
    state: &AppState,
    request: &ReferralOutcomeRequest,
) -> Answer<Vec<EpisodeDto>> {
    let episode = EpisodeId::parse(&request.episode_id)?;
    let episodes = with_unlocked(state, |unit| {
        unit.record_referral_outcome(
            episode,
            &request.outcome,
            &request.note,
            &request.date,
            state.clock.as_ref(),
            &mut OsEntropy,
        )
    })?;
    Ok(episodes_answer(state, &episodes))
}

pub fn close_episode(state: &AppState, request: &CloseEpisodeRequest) -> Answer<Vec<EpisodeDto>> {
    let episode = EpisodeId::parse(&request.episode_id)?;
    let episodes = with_unlocked(state, |unit| {
        unit.close_episode(
            episode,
            &request.exit_reason,
            &request.note,
            &request.date,
            state.clock.as_ref(),
            &mut OsEntropy,
        )
    })?;
    Ok(episodes_answer(state, &episodes))
}
