//! Bytes → text: UTF-8 with or without a byte-order mark, UTF-16 with one.
//! Offsets in reports count bytes of the decoded UTF-8 text after the mark.

use crate::error::{Error, Result};

pub fn decode(shown: &str, bytes: Vec<u8>) -> Result<String> {
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return utf16(shown, rest, u16::from_le_bytes);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return utf16(shown, rest, u16::from_be_bytes);
    }
    let bytes = match bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        Some(rest) => rest.to_vec(),
        None => bytes,
    };
    if bytes.contains(&0) {
        return Err(Error::input(shown, "looks like a binary file or UTF-16 without a byte-order mark (contains NUL bytes); pass UTF-8, or UTF-16 with a byte-order mark"));
    }
    String::from_utf8(bytes).map_err(|e| {
        Error::input(shown, format!(
            "is not valid UTF-8 (invalid byte at offset {}); convert it to UTF-8 first",
            e.utf8_error().valid_up_to()))
    })
}

fn utf16(shown: &str, bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Result<String> {
    if !bytes.len().is_multiple_of(2) {
        return Err(Error::input(shown, "is UTF-16 with an odd number of bytes (truncated?)"));
    }
    let units = bytes.chunks_exact(2).map(|pair| unit([pair[0], pair[1]]));
    char::decode_utf16(units)
        .enumerate()
        .map(|(i, c)| c.map_err(|_| Error::input(shown, format!("is not valid UTF-16 (unpaired surrogate at byte {})", 2 + 2 * i))))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_utf16_both_orders() {
        let le: Vec<u8> = [0xFF, 0xFE].into_iter().chain("né".encode_utf16().flat_map(|u| u.to_le_bytes())).collect();
        let be: Vec<u8> = [0xFE, 0xFF].into_iter().chain("né".encode_utf16().flat_map(|u| u.to_be_bytes())).collect();
        assert_eq!(decode("x", le).unwrap(), "né");
        assert_eq!(decode("x", be).unwrap(), "né");
        assert!(decode("x", vec![0xFF, 0xFE, 0x00]).is_err());
    }
}
