//! Starting up, creating and opening units, signing in and out, and passwords.

use casebook_core::clock::OsEntropy;
use casebook_core::domain::password::{password_problems, password_rules};
use casebook_core::unit::demo;
use casebook_core::unit::folder::{self as unit_folder, CreationPlan, NewUnit, UnitKind};

use crate::app_state::{AppState, lock_open_unit, with_unlocked};

use crate::ipc::{
    ChangePasswordRequest, CreateUnitRequest, CreatedUnitDto, DemoCredentialsDto, IpcError,
    PasswordCheckDto, RecoverRequest, SessionDto, StartupDto, UnitDto, UnlockRequest,
};

use super::Answer;

pub fn startup_state(state: &AppState) -> Answer<StartupDto> {
    let describe = |kind| {
        unit_folder::describe(&unit_folder::unit_folder(&state.data_folder, kind))
            .map(|found| found.as_ref().map(UnitDto::from_description))
    };
    Ok(StartupDto {
        real_unit: describe(UnitKind::Real)?,
        demo_unit: describe(UnitKind::Demo)?,
        session: state
            .open_unit()
            .as_ref()
            .map(|unit| SessionDto::from_unit(unit, state.idle_lock_override)),
        password_rules: password_rules(),
        demo_credentials: DemoCredentialsDto {
            username: demo::DEMO_USERNAME.to_owned(),
            password: demo::DEMO_PASSWORD.to_owned(),
        },
    })
}

pub fn check_new_password(password: &str, username: Option<&str>) -> Answer<PasswordCheckDto> {
    let problems = password_problems(password, username);
    Ok(PasswordCheckDto {
        acceptable: problems.is_empty(),
        problems,
    })
}

pub fn create_unit(state: &AppState, request: &CreateUnitRequest) -> Answer<CreatedUnitDto> {
    let new_unit = NewUnit::parse(
        &request.unit_name,
        &request.username,
        &request.full_name,
        &request.password,
    )?;
    let folder = unit_folder::unit_folder(&state.data_folder, UnitKind::Real);
    let plan = CreationPlan {
        kdf_cost: state.kdf_cost(),
        demo: false,
        initial_clients: &[],
    };
    let recovery_key = unit_folder::create(
        &folder,
        &new_unit,
        plan,
        state.clock.as_ref(),
        &mut OsEntropy,
    )?;
    tracing::info!("unit created");
    lock_open_unit(state);
    let unit = unit_folder::unlock(
        &folder,
        new_unit.username.as_str(),
        new_unit.password.as_str(),
        state.clock.as_ref(),
        &mut OsEntropy,
    )?;
    let session = SessionDto::from_unit(&unit, state.idle_lock_override);
    *state.open_unit() = Some(unit);
    Ok(CreatedUnitDto {
        session,
        recovery_key: recovery_key.grouped(),
    })
}

pub fn open_demo_unit(state: &AppState) -> Answer<UnitDto> {
    demo::ensure_demo_unit(
        &state.data_folder,
        state.kdf_cost(),
        state.clock.as_ref(),
        &mut OsEntropy,
    )?;
    let folder = unit_folder::unit_folder(&state.data_folder, UnitKind::Demo);
    let description = unit_folder::describe(&folder)?;
    description
        .as_ref()
        .map(UnitDto::from_description)
        .ok_or_else(|| {
            IpcError::from(casebook_core::CoreError::internal(
                &"demo unit missing right after it was made",
            ))
        })
}

pub fn unlock(state: &AppState, request: &UnlockRequest) -> Answer<SessionDto> {
    // Whatever was open is locked first, so a failed sign-in never leaves
    // the previous person's records open.
    lock_open_unit(state);
    let folder = unit_folder::unit_folder(&state.data_folder, request.unit.into());
    let result = unit_folder::unlock(
        &folder,
        &request.username,
        &request.password,
        state.clock.as_ref(),
        &mut OsEntropy,
    );
    match &result {
        Ok(_) => tracing::info!("signed in"),
        Err(error) => tracing::info!(code = error.code.as_str(), "sign-in refused"),
    }
    let unit = result?;
    let session = SessionDto::from_unit(&unit, state.idle_lock_override);
    *state.open_unit() = Some(unit);
    Ok(session)
}

pub fn lock(state: &AppState) -> Answer<()> {
    lock_open_unit(state);
    Ok(())
}

pub fn change_password(state: &AppState, request: &ChangePasswordRequest) -> Answer<SessionDto> {
    let session = with_unlocked(state, |unit| {
        unit.change_password(
            &request.current_password,
            &request.new_password,
            state.kdf_cost(),
            state.clock.as_ref(),
            &mut OsEntropy,
        )?;
        Ok(SessionDto::from_unit(unit, state.idle_lock_override))
    })?;
    Ok(session)
}

pub fn recover_with_key(state: &AppState, request: &RecoverRequest) -> Answer<SessionDto> {
    lock_open_unit(state);
    let folder = unit_folder::unit_folder(&state.data_folder, request.unit.into());
    let unit = unit_folder::recover(
        &folder,
        &request.recovery_key,
        &request.username,
        &request.new_password,
        state.kdf_cost(),
        state.clock.as_ref(),
        &mut OsEntropy,
    )?;
    tracing::info!("access restored with the recovery key");
    let session = SessionDto::from_unit(&unit, state.idle_lock_override);
    *state.open_unit() = Some(unit);
    Ok(session)
}
