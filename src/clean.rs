//! Stage: clean (in progress).
