//! Stage: score (in progress).
