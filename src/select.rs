//! Stage: select (in progress).
