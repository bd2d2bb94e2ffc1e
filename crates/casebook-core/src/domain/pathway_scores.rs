//! Need scores on the seven pathways, and how far a cohort's scores moved:
//! the rules the seven-pathways assessments and the cohort page share.
//!
//! Each pathway is scored from 1 (no need) to 10 (severe, urgent need), so
//! a lower score is a better one. A draft may leave pathways unscored; a
//! signed assessment may not. A cohort's overall improvement is the change
//! in the summed average scores, (Σ termination − Σ initial) / Σ initial,
//! as in the 2016 report: negative is better.

use super::session_records::Pathway;
use crate::error::{CoreError, CoreResult};

pub const LOWEST_SCORE: u8 = 1;
pub const HIGHEST_SCORE: u8 = 10;

/// A score for each pathway, or none yet, in the order of `Pathway::ALL`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PathwayScores([Option<u8>; 7]);

impl PathwayScores {
    /// Scores as typed, by pathway code; a blank score is none yet.
    pub fn parse(entered: &[(&str, &str)]) -> CoreResult<PathwayScores> {
        let mut scores = PathwayScores::default();
        for (code, text) in entered {
            let pathway = Pathway::parse(code)?;
            let text = text.trim();
            if text.is_empty() {
                continue;
            }
            let score: u8 = text
                .parse()
                .ok()
                .filter(|s| (LOWEST_SCORE..=HIGHEST_SCORE).contains(s))
                .ok_or_else(|| {
                    CoreError::invalid(format!(
                        "Score each pathway from {LOWEST_SCORE} (no need) to {HIGHEST_SCORE} (severe, urgent need)."
                    ))
                })?;
            scores.0[index_of(pathway)] = Some(score);
        }
        Ok(scores)
    }

    /// Scores as stored for a signed assessment, every pathway scored.
    pub fn from_stored(scores: [u8; 7]) -> PathwayScores {
        PathwayScores(scores.map(Some))
    }

    /// Each pathway's score, in the order of `Pathway::ALL`.
    pub fn in_order(&self) -> [Option<u8>; 7] {
        self.0
    }

    pub fn score(&self, pathway: Pathway) -> Option<u8> {
        self.0[index_of(pathway)]
    }

    /// The pathways not scored yet, in the usual order.
    pub fn missing(&self) -> Vec<Pathway> {
        Pathway::ALL
            .iter()
            .copied()
            .filter(|p| self.score(*p).is_none())
            .collect()
    }

    /// Refuses an assessment with any pathway unscored, for signing off.
    pub fn require_complete(&self) -> CoreResult<()> {
        match self.missing().len() {
            0 => Ok(()),
            1 => Err(CoreError::invalid(
                "One pathway has no score yet. Score all seven before signing off; a draft can wait.",
            )),
            n => Err(CoreError::invalid(format!(
                "{n} pathways have no score yet. Score all seven before signing off; a draft can wait."
            ))),
        }
    }
}

fn index_of(pathway: Pathway) -> usize {
    Pathway::ALL
        .iter()
        .position(|p| *p == pathway)
        .unwrap_or_default()
}

/// The average score of each pathway over a cohort's assessments, or
/// `None` for a cohort with none (so nothing divides by zero).
pub fn averages(assessments: &[PathwayScores]) -> Option<[f64; 7]> {
    let mut sums = [0.0_f64; 7];
    let mut counts = [0_u32; 7];
    for scores in assessments {
        for (index, score) in scores.0.iter().enumerate() {
            if let Some(score) = score {
                sums[index] += f64::from(*score);
                counts[index] += 1;
            }
        }
    }
    if counts.contains(&0) {
        return None;
    }
    let mut averages = [0.0_f64; 7];
    for index in 0..7 {
        averages[index] = sums[index] / f64::from(counts[index]);
    }
    Some(averages)
}

/// (Σ termination − Σ initial) / Σ initial: the overall change in need, as
/// a fraction (−0.378 is a 37.8 % fall). `None` when there is nothing to
/// compare.
pub fn overall_improvement(initial: &[f64; 7], termination: &[f64; 7]) -> Option<f64> {
    let before: f64 = initial.iter().sum();
    let after: f64 = termination.iter().sum();
    (before > 0.0).then(|| (after - before) / before)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Averages from the 2016 report's table (Appendix 5), in pathway order:
    /// accommodation, education/training/employment, health, substance
    /// misuse, finance, children and families, attitudes.
    const HIOMS_INITIAL: [f64; 7] = [5.0, 5.0, 5.0, 7.0, 5.0, 4.0, 6.0];
    const HIOMS_TERMINATION: [f64; 7] = [3.0, 3.0, 3.0, 4.0, 4.0, 3.0, 3.0];
    const PROBATION_INITIAL: [f64; 7] = [4.0, 6.0, 3.0, 3.0, 4.0, 3.0, 4.0];
    const PROBATION_TERMINATION: [f64; 7] = [2.0, 4.0, 2.0, 1.0, 3.0, 2.0, 3.0];

    fn percent(fraction: f64) -> f64 {
        (fraction * 1000.0).round() / 10.0
    }

    #[test]
    fn the_report_s_hioms_cohort_improved_by_37_8_percent() {
        let change = overall_improvement(&HIOMS_INITIAL, &HIOMS_TERMINATION).unwrap();
        assert_eq!(percent(change), -37.8);
    }

    #[test]
    fn the_probation_cohort_s_rounded_averages_give_37_0_percent() {
        // The report's −33.4 % came from unrounded averages it does not
        // print; its rounded ones give −37.0 %.
        let change = overall_improvement(&PROBATION_INITIAL, &PROBATION_TERMINATION).unwrap();
        assert_eq!(percent(change), -37.0);
    }

    #[test]
    fn scores_are_one_to_ten_and_blank_is_not_yet() {
        let scores = PathwayScores::parse(&[("accommodation", "4"), ("health", " ")]).unwrap();
        assert_eq!(scores.score(Pathway::Accommodation), Some(4));
        assert_eq!(scores.score(Pathway::Health), None);
        assert_eq!(scores.missing().len(), 6);
        for bad in ["0", "11", "4.5", "four", "-3"] {
            assert!(PathwayScores::parse(&[("health", bad)]).is_err(), "{bad}");
        }
        assert!(PathwayScores::parse(&[("luck", "3")]).is_err());
    }

    #[test]
    fn only_a_complete_assessment_can_be_signed_off() {
        let partial = PathwayScores::parse(&[("accommodation", "4")]).unwrap();
        let refused = partial.require_complete().unwrap_err();
        assert!(
            refused.message.contains("6 pathways"),
            "{}",
            refused.message
        );
        let all: Vec<(&str, &str)> = Pathway::ALL.iter().map(|p| (p.as_str(), "5")).collect();
        assert!(
            PathwayScores::parse(&all)
                .unwrap()
                .require_complete()
                .is_ok()
        );
    }

    #[test]
    fn averages_of_no_assessments_are_none_rather_than_nan() {
        assert_eq!(averages(&[]), None);
        let all: Vec<(&str, &str)> = Pathway::ALL.iter().map(|p| (p.as_str(), "6")).collect();
        let one = PathwayScores::parse(&all).unwrap();
        let other: Vec<(&str, &str)> = Pathway::ALL.iter().map(|p| (p.as_str(), "3")).collect();
        let two = PathwayScores::parse(&other).unwrap();
        assert_eq!(averages(&[one, two]), Some([4.5; 7]));
        assert_eq!(overall_improvement(&[0.0; 7], &[1.0; 7]), None);
    }
}
