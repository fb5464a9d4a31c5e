//! Stage: serialize (in progress).
