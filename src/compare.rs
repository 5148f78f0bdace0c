//! Rules: aligned sentences + their facts → findings.

use crate::align::Alignment;
use crate::detect::Detection;
use crate::extract::Fact;
use crate::report::Finding;
use crate::segment::Sentence;

/// One document as the rules see it.
pub struct Side<'a> {
    pub text: &'a str,
    pub language: &'a str,
    pub sentences: &'a [Sentence],
    /// Facts of each sentence, indexed like `sentences`.
    pub facts: &'a [Vec<Fact>],
    /// Language detected for each sentence on its own.
    pub sentence_languages: &'a [Option<Detection>],
}

/// All findings for an aligned document pair, in reading order of the target.
pub fn compare(alignment: &Alignment, source: &Side, target: &Side) -> Vec<Finding> {
    unimplemented!("compare {} beads {} {}", alignment.beads.len(), source.language, target.language)
}
