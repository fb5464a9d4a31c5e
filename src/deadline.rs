//! The time budget of one extraction ([`Options::time_budget_ms`]), behind one small clock.
//! The pipeline checks it between stages, and the working tree's walks ([`crate::dom::Dom`])
//! stop early once it is spent, so a long stage ends soon after the budget does.
//!
//! `std::time::Instant::now()` panics on `wasm32-unknown-unknown`, so the Wasm build (feature
//! `wasm`) reads JavaScript's `Date.now()` instead. A wasm32 build without that feature has no
//! clock and does not enforce the budget.

use crate::{Error, Options};

/// Milliseconds from a fixed, arbitrary origin, or `None` where there is no clock.
#[cfg(not(target_arch = "wasm32"))]
fn now_ms() -> Option<f64> {
    use std::sync::OnceLock;
    use std::time::Instant;
    static ORIGIN: OnceLock<Instant> = OnceLock::new();
    let origin = *ORIGIN.get_or_init(Instant::now);
    Some(origin.elapsed().as_secs_f64() * 1000.0)
}

#[cfg(all(target_arch = "wasm32", feature = "wasm"))]
fn now_ms() -> Option<f64> {
    Some(js_sys::Date::now())
}

#[cfg(all(target_arch = "wasm32", not(feature = "wasm")))]
fn now_ms() -> Option<f64> {
    None
}

/// When the running extraction must end.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Deadline {
    /// The budget and the clock reading it ends at; `None` without a budget or a clock.
    end: Option<(u64, f64)>,
}

impl Deadline {
    /// Starts the budget of `options` now.
    pub(crate) fn start(options: &Options) -> Deadline {
        let end = options
            .time_budget_ms
            .filter(|&ms| ms > 0)
            .and_then(|ms| now_ms().map(|now| (ms, now + ms as f64)));
        Deadline { end }
    }

    /// Whether the budget is spent (cheap enough for a long loop to ask now and then).
    pub(crate) fn expired(&self) -> bool {
        self.check().is_err()
    }

    /// [`Error::Timeout`] once the budget is spent.
    pub(crate) fn check(&self) -> Result<(), Error> {
        match (self.end, now_ms()) {
            (Some((budget_ms, end)), Some(now)) if now > end => Err(Error::Timeout { budget_ms }),
            _ => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Deadline;
    use crate::Options;
    use std::time::Duration;

    #[test]
    fn a_spent_budget_is_a_timeout() {
        let d =
            Deadline::start(&Options::default().with_time_budget(Some(Duration::from_millis(1))));
        std::thread::sleep(Duration::from_millis(3));
        assert_eq!(d.check().map_err(|e| e.code()), Err("TIMEOUT"));
        for none in [None, Some(Duration::ZERO)] {
            let d = Deadline::start(&Options::default().with_time_budget(none));
            std::thread::sleep(Duration::from_millis(2));
            assert!(d.check().is_ok());
        }
        let d = Deadline::start(&Options::default());
        assert!(d.check().is_ok(), "the default budget is seconds");
    }
}
