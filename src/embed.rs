//! The message an embedded chart posts to its host page, so the host can size the iframe:
//! `{"type": "sportdash:height", "version": 1, "height": 412}` (CSS pixels, a whole number).
//! `public/embed.js` is the host side; it checks the sender's origin and this shape.

pub const MESSAGE_TYPE: &str = "sportdash:height";
pub const MESSAGE_VERSION: u32 = 1;
/// Heights outside this range are not ones a chart would post; hosts ignore them.
pub const HEIGHT_RANGE: std::ops::RangeInclusive<u32> = 50..=10_000;

/// The message for a content height, rounded up and held to `HEIGHT_RANGE`.
pub fn height_message(height: f64) -> String {
    let (low, high) = (*HEIGHT_RANGE.start(), *HEIGHT_RANGE.end());
    let height = if height.is_finite() {
        (height.ceil() as u32).clamp(low, high)
    } else {
        low
    };
    serde_json::json!({"type": MESSAGE_TYPE, "version": MESSAGE_VERSION, "height": height})
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_height_is_a_whole_number_in_range() {
        assert_eq!(
            height_message(411.2),
            r#"{"height":412,"type":"sportdash:height","version":1}"#
        );
        assert!(height_message(f64::NAN).contains("\"height\":50"));
        assert!(height_message(1e9).contains("\"height\":10000"));
    }
}
