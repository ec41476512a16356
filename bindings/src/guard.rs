//! No panic crosses the FFI as anything but a typed error.
//!
//! UniFFI already catches panics in exports, but reports them as its own
//! internal error (`InternalException` in Kotlin, `rustPanic` in Swift, which
//! a `try!`-wrapped call turns into a crash). Every fallible export runs its
//! body here instead, so a bug surfaces as `HeatError::Internal`, which app
//! code already handles. The store stays unchanged: an unwinding transaction
//! rolls back, and the core tolerates poisoned locks. This needs
//! `panic = "unwind"`, which the workspace's release profile keeps.

use std::panic::{AssertUnwindSafe, catch_unwind};

use crate::error::HeatError;

pub(crate) fn guarded<T, E: Into<HeatError>>(body: impl FnOnce() -> Result<T, E>) -> Result<T, HeatError> {
    match catch_unwind(AssertUnwindSafe(body)) {
        Ok(result) => result.map_err(Into::into),
        // The payload is not passed on: a panic message may quote data.
        Err(_) => Err(HeatError::Internal {
            reason: "internal error: a bug in the heat engine stopped the call; the store is unchanged"
                .into(),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_an_internal_error() {
        let result: Result<(), HeatError> = guarded(|| -> Result<(), HeatError> { panic!("boom") });
        assert!(matches!(result, Err(HeatError::Internal { .. })));
    }

    #[test]
    fn results_pass_through() {
        assert_eq!(guarded(|| Ok::<_, HeatError>(7)), Ok(7));
        let err = heat_core::Error::Interrupted;
        assert!(matches!(
            guarded(|| Err::<(), _>(err)),
            Err(HeatError::Interrupted { .. })
        ));
    }
}
