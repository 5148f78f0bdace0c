//! transcheck checks that a translated or rewritten news report still says
//! what the original says.
//!
//! ```text
//! read ─► detect ─► segment ─► embed ─► align ─► extract ─► compare ─► report
//! ```
//!
//! The whole pipeline is one call: `Checker::new(embedder, config).check(&source, &target)`.
//! The library never prints.

pub mod align;
pub mod compare;
pub mod config;
pub mod detect;
pub mod document;
pub mod embed;
pub mod error;
pub mod extract;
pub mod folder;
pub mod report;
pub mod segment;

mod checker;

pub use checker::{Checker, Config, Languages, Prepared};
pub use document::{Document, Span};
pub use error::{Error, Result};
pub use report::{Finding, Report, Rule, Severity};
