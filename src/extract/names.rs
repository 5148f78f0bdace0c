//! names
use super::Fact;
pub fn extract(_sentence: &str, _language: &str) -> Vec<Fact> { Vec::new() }
