//! Heat values grouped into the few levels people can tell apart, shared
//! by the terminal map (block characters) and the SVG (colours) so both
//! pictures read the same.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeatLevel {
    Free,
    /// Up to 0.5: tentative, or busy for part of the time.
    Light,
    /// Between 0.5 and 1.
    Partial,
    /// Exactly 1: fully busy.
    Busy,
    /// Above 1: more than one event at once.
    Overbooked,
}

impl HeatLevel {
    pub const ALL: [HeatLevel; 5] = [
        HeatLevel::Free,
        HeatLevel::Light,
        HeatLevel::Partial,
        HeatLevel::Busy,
        HeatLevel::Overbooked,
    ];

    pub fn of(heat: f64) -> Self {
        if heat <= 0.0 {
            HeatLevel::Free
        } else if heat <= 0.5 {
            HeatLevel::Light
        } else if heat < 1.0 {
            HeatLevel::Partial
        } else if heat == 1.0 {
            HeatLevel::Busy
        } else {
            HeatLevel::Overbooked
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            HeatLevel::Free => "free",
            HeatLevel::Light => "up to 0.5",
            HeatLevel::Partial => "0.5 to 1",
            HeatLevel::Busy => "busy (1)",
            HeatLevel::Overbooked => "double-booked (> 1)",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_split_at_the_spec_weights() {
        let levels: Vec<_> = [0.0, 0.25, 0.5, 0.75, 1.0, 1.5, 2.0].map(HeatLevel::of).into();
        use HeatLevel::*;
        assert_eq!(
            levels,
            [Free, Light, Light, Partial, Busy, Overbooked, Overbooked]
        );
    }
}
