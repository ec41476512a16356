//! Hard limits on what one call may ask for.
//!
//! Background tasks run under tight memory budgets (iOS kills at a few tens of
//! MB); a limit refused up front with a typed error beats an OOM kill halfway
//! through a sync. The numbers are documented in `docs/reliability.md`.

/// Most events one reconcile call accepts (inside and outside the window).
pub const MAX_EVENTS_PER_CALL: usize = 200_000;
/// Longest window, in days (a leap year and a bit of DST slack).
pub const MAX_WINDOW_DAYS: i64 = 370;
/// Most days a sync plan may reach into the past, and into the future.
pub const MAX_SYNC_DAYS: u32 = 3_700;
/// Longest id, calendar id or scope, in bytes.
pub const MAX_ID_BYTES: usize = 1_024;
/// Longest title or location, in bytes.
pub const MAX_TEXT_BYTES: usize = 16 * 1_024;
/// Smallest heat-map slot, in minutes.
pub const MIN_SLOT_MINUTES: u32 = 1;
/// Most slots one heat map may have.
pub const MAX_SLOTS: i64 = 100_000;
/// Earliest and latest instants accepted (years 1900 to 2200), in epoch ms.
pub const MIN_INSTANT_MS: i64 = -2_208_988_800_000;
pub const MAX_INSTANT_MS: i64 = 7_258_118_400_000;
