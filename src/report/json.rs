//! json printer
