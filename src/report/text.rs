//! text printer
