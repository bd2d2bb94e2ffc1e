//! The cohort page's query: for the episodes a manager's filters choose,
//! each episode's first initial and last termination scores, averaged
//! inside SQLite. `reports::cohort_outcomes` is the way in, with its access
//! check and audit entry.

use chrono::NaiveDate;
use rusqlite::params;

use crate::domain::cohort::CohortFlag;
pub use crate::domain::cohort_filter::CohortFilter;
use crate::domain::pathway_scores::overall_improvement;
use crate::domain::referrals::ReferralRoute;
use crate::error::{CoreError, CoreResult};

/// A cohort's figures. The averages are over the episodes counted: those
/// with both an initial and a termination assessment, so that each
/// pathway's change compares the same people before and after.
#[derive(Debug, Clone, PartialEq)]
pub struct CohortOutcomes {
    pub counted: u64,
    /// Episodes the filters chose that lack a termination (or an initial)
    /// assessment.
    pub left_out: u64,
    /// `None` when no episode was counted: "no clients match", never NaN.
    pub initial: Option<[f64; 7]>,
    pub termination: Option<[f64; 7]>,
    /// (Σ termination − Σ initial) / Σ initial; negative is better.
    pub overall_improvement: Option<f64>,
}

/// Each episode's first initial and last termination scores (SQLite takes
/// the other columns from the row that gives `min` or `max`), read in one
/// pass over the covering index `assessments_for_cohorts`, joined to the
/// episodes the filters choose.
const COHORT_SQL: &str = "
WITH initials AS (
    SELECT episode_id, min(assessed_on || id),
           accommodation AS p1, education_training_employment AS p2, health AS p3,
           drugs_and_alcohol AS p4, finance_benefits_debt AS p5, children_and_families AS p6,
           attitudes_thinking_behaviour AS p7
    FROM assessments WHERE kind = 'initial' AND episode_id IS NOT NULL
    GROUP BY episode_id
),
terminations AS (
    SELECT episode_id, max(assessed_on || id),
           accommodation AS p1, education_training_employment AS p2, health AS p3,
           drugs_and_alcohol AS p4, finance_benefits_debt AS p5, children_and_families AS p6,
           attitudes_thinking_behaviour AS p7
    FROM assessments WHERE kind = 'termination' AND episode_id IS NOT NULL
    GROUP BY episode_id
),
chosen AS (
    SELECT e.id AS episode_id
    FROM episodes e
    JOIN clients c ON c.id = e.client_id
    LEFT JOIN client_profiles p ON p.client_id = c.id
    WHERE c.merged_into IS NULL
      AND c.id NOT IN (SELECT client_id FROM deleted_clients)
      AND (?1 IS NULL OR e.route = ?1)
      AND (?2 IS NULL OR EXISTS (SELECT 1 FROM cohort_flags f
                                  WHERE f.client_id = c.id AND f.flag = ?2 AND f.removed_at IS NULL))
      AND (?3 IS NULL OR EXISTS (SELECT 1 FROM cohort_flags f
                                  WHERE f.client_id = c.id AND f.flag = ?3 AND f.removed_at IS NULL))
      AND (?4 IS NULL OR c.gender = ?4)
      AND (?5 IS NULL OR p.local_authority = ?5 COLLATE NOCASE)
      AND (?6 IS NULL OR c.keyworker_id = ?6)
      AND (?7 IS NULL OR e.ended_on >= ?7)
      AND (?8 IS NULL OR e.ended_on <= ?8)
)
SELECT count(i.episode_id IS NOT NULL AND t.episode_id IS NOT NULL OR NULL),
       count(i.episode_id IS NULL OR t.episode_id IS NULL OR NULL),
       avg(CASE WHEN t.episode_id IS NOT NULL THEN i.p1 END),
       avg(CASE WHEN t.episode_id IS NOT NULL THEN i.p2 END),
       avg(CASE WHEN t.episode_id IS NOT NULL THEN i.p3 END),
       avg(CASE WHEN t.episode_id IS NOT NULL THEN i.p4 END),
       avg(CASE WHEN t.episode_id IS NOT NULL THEN i.p5 END),
       avg(CASE WHEN t.episode_id IS NOT NULL THEN i.p6 END),
       avg(CASE WHEN t.episode_id IS NOT NULL THEN i.p7 END),
       avg(CASE WHEN i.episode_id IS NOT NULL THEN t.p1 END),
       avg(CASE WHEN i.episode_id IS NOT NULL THEN t.p2 END),
       avg(CASE WHEN i.episode_id IS NOT NULL THEN t.p3 END),
       avg(CASE WHEN i.episode_id IS NOT NULL THEN t.p4 END),
       avg(CASE WHEN i.episode_id IS NOT NULL THEN t.p5 END),
       avg(CASE WHEN i.episode_id IS NOT NULL THEN t.p6 END),
       avg(CASE WHEN i.episode_id IS NOT NULL THEN t.p7 END)
FROM chosen
LEFT JOIN initials i ON i.episode_id = chosen.episode_id
LEFT JOIN terminations t ON t.episode_id = chosen.episode_id
WHERE i.episode_id IS NOT NULL OR t.episode_id IS NOT NULL";

/// The figures for one cohort, straight from the database (no access
/// check: `UnlockedUnit::cohort_outcomes` in `reports/` is the way in).
pub fn cohort_outcomes_in(
    conn: &rusqlite::Connection,
    filter: &CohortFilter,
) -> CoreResult<CohortOutcomes> {
    let failed = |e: rusqlite::Error| CoreError::from_sql(&e, "work out the cohort's figures");
    let day = |d: Option<NaiveDate>| d.map(|d| d.format("%Y-%m-%d").to_string());
    let mut statement = conn.prepare_cached(COHORT_SQL).map_err(failed)?;
    statement
        .query_row(
            params![
                filter.route.map(ReferralRoute::as_str),
                filter.cohort_flag.map(CohortFlag::as_str),
                filter.order.map(CohortFlag::as_str),
                filter.gender,
                filter.area,
                filter.keyworker.map(|k| k.to_string()),
                day(filter.closed_from),
                day(filter.closed_to),
            ],
            |row| {
                let counted = row.get::<_, i64>(0)?.unsigned_abs();
                let left_out = row.get::<_, i64>(1)?.unsigned_abs();
                let mut initial = [0.0; 7];
                let mut termination = [0.0; 7];
                for index in 0..7 {
                    initial[index] = row.get::<_, Option<f64>>(2 + index)?.unwrap_or_default();
                    termination[index] = row.get::<_, Option<f64>>(9 + index)?.unwrap_or_default();
                }
                let (initial, termination) = if counted == 0 {
                    (None, None)
                } else {
                    (Some(initial), Some(termination))
                };
                Ok(CohortOutcomes {
                    counted,
                    left_out,
                    overall_improvement: initial
                        .zip(termination)
                        .and_then(|(i, t)| overall_improvement(&i, &t)),
                    initial,
                    termination,
                })
            },
        )
        .map_err(failed)
}
