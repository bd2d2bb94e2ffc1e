//! The unit's settings, one row per setting so that two devices changing
//! different settings while apart both keep their change when they sync.

use rusqlite::{Connection, Transaction, params};

use super::change_log::{self, WriteStamp};
use crate::domain::assessments::AssessmentSchedule;
use crate::domain::compliance::AbsenceThresholds;
use crate::domain::unit_settings::{MAX_CUSTODY_SCREENING_HOURS, UnitSettings};
use crate::error::{CoreError, CoreResult};

const IDLE_LOCK_MINUTES: &str = "idle_lock_minutes";
const KEYWORKERS_SEE_OTHER_CLIENTS: &str = "keyworkers_see_other_clients";
const PARTNERS_KEEP_SUMMARY: &str = "partners_keep_summary_after_withdrawal";
const CUSTODY_SCREENING_HOURS: &str = "custody_screening_hours";
const NEW_COMPUTERS_NEED_APPROVAL: &str = "new_computers_need_approval";
const KEEP_SYNC_FILES_DAYS: &str = "keep_sync_files_days";
const ABSENCE_WARNING_AT: &str = "absence_warning_at";
const ABSENCE_BREACH_REFERRAL_AT: &str = "absence_breach_referral_at";
const INITIAL_ASSESSMENT_WITHIN_DAYS: &str = "initial_assessment_within_days";
const REVIEW_ASSESSMENT_EVERY_DAYS: &str = "review_assessment_every_days";

/// The settings, with the default for any that was never set. A stored
/// value that does not parse (a damaged row) falls back to the default,
/// which is the safer choice for each.
pub fn read(conn: &Connection) -> CoreResult<UnitSettings> {
    let mut settings = UnitSettings::default();
    let (mut warning_at, mut breach_at) = (None, None);
    let mut statement = conn
        .prepare_cached("SELECT key, value FROM unit_settings")
        .map_err(|e| CoreError::from_sql(&e, "read the unit's settings"))?;
    let rows = statement
        .query_map([], |row| {
            Ok((row.get::<_, String>(0)?, row.get::<_, String>(1)?))
        })
        .map_err(|e| CoreError::from_sql(&e, "read the unit's settings"))?;
    for row in rows {
        let (key, value) = row.map_err(|e| CoreError::from_sql(&e, "read the unit's settings"))?;
        match key.as_str() {
            IDLE_LOCK_MINUTES => {
                if let Ok(minutes) = value.parse::<u32>()
                    && let Ok(parsed) = UnitSettings::parse(
                        minutes,
                        settings.keyworkers_see_other_clients,
                        settings.partners_keep_summary_after_withdrawal,
                        settings.custody_screening_hours,
                    )
                {
                    settings = UnitSettings {
                        new_computers_need_approval: settings.new_computers_need_approval,
                        keep_sync_files_days: settings.keep_sync_files_days,
                        absence_thresholds: settings.absence_thresholds,
                        assessment_schedule: settings.assessment_schedule,
                        ..parsed
                    };
                }
            }
            NEW_COMPUTERS_NEED_APPROVAL => {
                settings.new_computers_need_approval = value == "true";
            }
            KEEP_SYNC_FILES_DAYS => {
                if let Ok(days) = value.parse::<u32>()
                    && let Ok(kept) = settings.keeping_sync_files(days)
                {
                    settings = kept;
                }
            }
            // The two thresholds are set together, but sync may bring them
            // one at a time: a pair that does not rise keeps the defaults.
            ABSENCE_WARNING_AT => {
                if let Ok(n) = value.parse::<u32>() {
                    warning_at = Some(n);
                }
            }
            ABSENCE_BREACH_REFERRAL_AT => {
                if let Ok(n) = value.parse::<u32>() {
                    breach_at = Some(n);
                }
            }
            INITIAL_ASSESSMENT_WITHIN_DAYS => {
                if let Ok(days) = value.parse::<u32>()
                    && let Ok(schedule) = AssessmentSchedule::parse(
                        days,
                        settings.assessment_schedule.review_every_days,
                    )
                {
                    settings.assessment_schedule = schedule;
                }
            }
            REVIEW_ASSESSMENT_EVERY_DAYS => {
                if let Ok(days) = value.parse::<u32>()
                    && let Ok(schedule) = AssessmentSchedule::parse(
                        settings.assessment_schedule.initial_within_days,
                        days,
                    )
                {
                    settings.assessment_schedule = schedule;
                }
            }
            KEYWORKERS_SEE_OTHER_CLIENTS => {
                settings.keyworkers_see_other_clients = value == "true";
            }
            PARTNERS_KEEP_SUMMARY => {
                settings.partners_keep_summary_after_withdrawal = value == "true";
            }
            CUSTODY_SCREENING_HOURS => {
                if let Ok(hours) = value.parse::<u32>()
                    && (1..=MAX_CUSTODY_SCREENING_HOURS).contains(&hours)
                {
                    settings.custody_screening_hours = hours;
                }
            }
            _ => {}
        }
    }
    let defaults = AbsenceThresholds::default();
    if let Ok(thresholds) = AbsenceThresholds::parse(
        warning_at.unwrap_or(defaults.warning_at),
        breach_at.unwrap_or(defaults.breach_referral_at),
    ) {
        settings.absence_thresholds = thresholds;
    }
    Ok(settings)
}

/// Writes each setting that differs from what is stored; returns the names
/// of those that changed.
pub fn write(
    tx: &Transaction<'_>,
    stamp: WriteStamp,
    settings: &UnitSettings,
) -> CoreResult<Vec<&'static str>> {
    let before = read(tx)?;
    let mut changed = Vec::new();
    if before.idle_lock_minutes != settings.idle_lock_minutes {
        write_one(
            tx,
            stamp,
            IDLE_LOCK_MINUTES,
            &settings.idle_lock_minutes.to_string(),
        )?;
        changed.push(IDLE_LOCK_MINUTES);
    }
    if before.keyworkers_see_other_clients != settings.keyworkers_see_other_clients {
        write_one(
            tx,
            stamp,
            KEYWORKERS_SEE_OTHER_CLIENTS,
            &settings.keyworkers_see_other_clients.to_string(),
        )?;
        changed.push(KEYWORKERS_SEE_OTHER_CLIENTS);
    }
    if before.partners_keep_summary_after_withdrawal
        != settings.partners_keep_summary_after_withdrawal
    {
        write_one(
            tx,
            stamp,
            PARTNERS_KEEP_SUMMARY,
            &settings.partners_keep_summary_after_withdrawal.to_string(),
        )?;
        changed.push(PARTNERS_KEEP_SUMMARY);
    }
    if before.keep_sync_files_days != settings.keep_sync_files_days {
        write_one(
            tx,
            stamp,
            KEEP_SYNC_FILES_DAYS,
            &settings.keep_sync_files_days.to_string(),
        )?;
        changed.push(KEEP_SYNC_FILES_DAYS);
    }
    if before.new_computers_need_approval != settings.new_computers_need_approval {
        write_one(
            tx,
            stamp,
            NEW_COMPUTERS_NEED_APPROVAL,
            &settings.new_computers_need_approval.to_string(),
        )?;
        changed.push(NEW_COMPUTERS_NEED_APPROVAL);
    }
    if before.absence_thresholds.warning_at != settings.absence_thresholds.warning_at {
        write_one(
            tx,
            stamp,
            ABSENCE_WARNING_AT,
            &settings.absence_thresholds.warning_at.to_string(),
        )?;
        changed.push(ABSENCE_WARNING_AT);
    }
    if before.absence_thresholds.breach_referral_at
        != settings.absence_thresholds.breach_referral_at
    {
        write_one(
            tx,
            stamp,
            ABSENCE_BREACH_REFERRAL_AT,
            &settings.absence_thresholds.breach_referral_at.to_string(),
        )?;
        changed.push(ABSENCE_BREACH_REFERRAL_AT);
    }
    let schedule = settings.assessment_schedule;
    if before.assessment_schedule.initial_within_days != schedule.initial_within_days {
        write_one(
            tx,
            stamp,
            INITIAL_ASSESSMENT_WITHIN_DAYS,
            &schedule.initial_within_days.to_string(),
        )?;
        changed.push(INITIAL_ASSESSMENT_WITHIN_DAYS);
    }
    if before.assessment_schedule.review_every_days != schedule.review_every_days {
        write_one(
            tx,
            stamp,
            REVIEW_ASSESSMENT_EVERY_DAYS,
            &schedule.review_every_days.to_string(),
        )?;
        changed.push(REVIEW_ASSESSMENT_EVERY_DAYS);
    }
    if before.custody_screening_hours != settings.custody_screening_hours {
        write_one(
            tx,
            stamp,
            CUSTODY_SCREENING_HOURS,
            &settings.custody_screening_hours.to_string(),
        )?;
        changed.push(CUSTODY_SCREENING_HOURS);
    }
    Ok(changed)
}

fn write_one(tx: &Transaction<'_>, stamp: WriteStamp, key: &str, value: &str) -> CoreResult<()> {
    let before = change_log::before_update(tx, "unit_settings", key)?;
    tx.execute(
        "INSERT INTO unit_settings (key, value, hlc, device_id) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value, hlc = excluded.hlc, device_id = excluded.device_id",
        params![key, value, stamp.hlc.encode(), stamp.device.to_string()],
    )
    .map_err(|e| CoreError::from_sql(&e, "save the unit's settings"))?;
    before.append(tx, stamp)
}
