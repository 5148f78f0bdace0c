//! The word-embedding table, read straight from the memory-mapped
//! safetensors file. It is 80% of the model (250k × 384 f32 = 384 MB) but a
//! batch touches only a few thousand rows, so gathering rows from the map
//! instead of loading the table keeps the resident memory small.

use std::fs::File;
use std::path::Path;

use memmap2::Mmap;
use safetensors::tensor::Dtype;
use safetensors::SafeTensors;

use super::store::broken;
use crate::error::{Error, Result};

pub struct WordTable {
    map: Mmap,
    /// Byte offset of row 0 in the file.
    start: usize,
    rows: usize,
    dim: usize,
    dtype: Dtype,
}

impl WordTable {
    /// Locates `name` (shape `[rows, dim]`, f32/f16/bf16) in the safetensors file.
    pub fn open(path: &Path, name: &str, dim: usize) -> Result<Self> {
        let file = File::open(path).map_err(|e| broken(path, &e.to_string()))?;
        // Safety: the model folder is only replaced by renaming a new folder
        // over it, never rewritten in place, so the mapped bytes stay valid.
        let map = unsafe { Mmap::map(&file) }.map_err(|e| broken(path, &e.to_string()))?;
        let (header_len, meta) =
            SafeTensors::read_metadata(&map).map_err(|e| broken(path, &format!("invalid safetensors ({e})")))?;
        let info = meta.info(name).ok_or_else(|| broken(path, &format!("tensor '{name}' missing")))?;
        let (a, b) = info.data_offsets;
        let start = 8 + header_len + a;
        let bad_shape = || broken(path, &format!("tensor '{name}' has shape {:?}", info.shape));
        let [rows, cols] = info.shape[..] else { return Err(bad_shape()) };
        let width = match info.dtype {
            Dtype::F32 => 4,
            Dtype::F16 | Dtype::BF16 => 2,
            other => return Err(broken(path, &format!("tensor '{name}' has unsupported dtype {other:?}"))),
        };
        if cols != dim || b - a != rows * cols * width || start + (b - a) > map.len() {
            return Err(bad_shape());
        }
        Ok(WordTable { map, start, rows, dim, dtype: info.dtype })
    }

    pub fn rows(&self) -> usize {
        self.rows
    }

    /// Appends the row of `id` to `out` as f32.
    pub fn push_row(&self, id: u32, out: &mut Vec<f32>) -> Result<()> {
        let id = id as usize;
        if id >= self.rows {
            return Err(Error::Engine(format!("token id {id} outside the {}-row vocabulary", self.rows)));
        }
        match self.dtype {
            Dtype::F32 => {
                let at = self.start + id * self.dim * 4;
                let bytes = &self.map[at..at + self.dim * 4];
                out.extend(bytes.chunks_exact(4).map(|b| f32::from_le_bytes([b[0], b[1], b[2], b[3]])));
            }
            Dtype::F16 => out.extend(self.half_row(id).map(|b| half::f16::from_le_bytes(b).to_f32())),
            _ => out.extend(self.half_row(id).map(|b| half::bf16::from_le_bytes(b).to_f32())),
        }
        Ok(())
    }

    fn half_row(&self, id: usize) -> impl Iterator<Item = [u8; 2]> + '_ {
        let at = self.start + id * self.dim * 2;
        self.map[at..at + self.dim * 2].chunks_exact(2).map(|b| [b[0], b[1]])
    }
}
