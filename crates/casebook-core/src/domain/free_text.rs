//! Free text a person writes as a note or a reason: trimmed, long enough to
//! mean something to whoever reads it later, and not a pasted document.

use crate::error::{CoreError, CoreResult};

/// `too_short` is the whole message for text under `min` characters; the
/// message for text over `max` is the same everywhere.
pub fn parse_free_text(text: &str, min: usize, max: usize, too_short: &str) -> CoreResult<String> {
    let text = text.trim();
    let length = text.chars().count();
    if length < min {
        return Err(CoreError::invalid(too_short));
    }
    if length > max {
        return Err(CoreError::invalid(format!(
            "Keep it under {} characters.",
            group_thousands(max)
        )));
    }
    Ok(text.to_owned())
}

fn group_thousands(n: usize) -> String {
    if n >= 1000 {
        format!("{},{:03}", n / 1000, n % 1000)
    } else {
        n.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_trimmed_and_kept_within_bounds() {
        assert_eq!(
            parse_free_text("  enough  ", 5, 10, "short").unwrap(),
            "enough"
        );
        assert_eq!(
            parse_free_text(" no ", 5, 10, "Too short.")
                .unwrap_err()
                .message,
            "Too short."
        );
        assert_eq!(
            parse_free_text(&"x".repeat(1001), 5, 1000, "short")
                .unwrap_err()
                .message,
            "Keep it under 1,000 characters."
        );
    }
}
