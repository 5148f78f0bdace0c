//! BERT encoder layers, after candle-transformers' `models/bert.rs`, with
//! the same weight names and maths. Ours only because candle's exact GELU
//! runs a scalar `erf` on one core, which took a sixth of the CPU time; here
//! it is a vectorisable erf (error < 2e-7) spread over rayon's pool.

use candle_core::{Module, Result, Tensor, D};
use candle_nn::{layer_norm, linear, LayerNorm, Linear, VarBuilder};
use candle_transformers::models::bert::{Config, HiddenAct};
use rayon::prelude::*;

struct Attention {
    query: Linear,
    key: Linear,
    value: Linear,
    output: Linear,
    layer_norm: LayerNorm,
    heads: usize,
    head_dim: usize,
}

impl Attention {
    fn load(vb: VarBuilder, c: &Config) -> Result<Self> {
        let h = c.hidden_size;
        let (s, o) = (vb.pp("self"), vb.pp("output"));
        Ok(Self {
            query: linear(h, h, s.pp("query"))?,
            key: linear(h, h, s.pp("key"))?,
            value: linear(h, h, s.pp("value"))?,
            output: linear(h, h, o.pp("dense"))?,
            layer_norm: layer_norm(h, c.layer_norm_eps, o.pp("LayerNorm"))?,
            heads: c.num_attention_heads,
            head_dim: h / c.num_attention_heads,
        })
    }

    /// `[b, s, h]` → `[b, heads, s, head_dim]`.
    fn split_heads(&self, xs: &Tensor) -> Result<Tensor> {
        let (b, s, _) = xs.dims3()?;
        xs.reshape((b, s, self.heads, self.head_dim))?.transpose(1, 2)?.contiguous()
    }

    fn forward(&self, xs: &Tensor, mask: &Tensor) -> Result<Tensor> {
        let q = self.split_heads(&self.query.forward(xs)?)?;
        let k = self.split_heads(&self.key.forward(xs)?)?;
        let v = self.split_heads(&self.value.forward(xs)?)?;
        let scores = (q.matmul(&k.t()?)? / (self.head_dim as f64).sqrt())?.broadcast_add(mask)?;
        let probs = candle_nn::ops::softmax_last_dim(&scores)?;
        let ctx = probs.matmul(&v)?.transpose(1, 2)?.flatten_from(D::Minus2)?;
        self.layer_norm.forward(&(self.output.forward(&ctx)? + xs)?)
    }
}

struct Layer {
    attention: Attention,
    intermediate: Linear,
    output: Linear,
    layer_norm: LayerNorm,
    act: HiddenAct,
}

impl Layer {
    fn load(vb: VarBuilder, c: &Config) -> Result<Self> {
        let (h, ff) = (c.hidden_size, c.intermediate_size);
        Ok(Self {
            attention: Attention::load(vb.pp("attention"), c)?,
            intermediate: linear(h, ff, vb.pp("intermediate").pp("dense"))?,
            output: linear(ff, h, vb.pp("output").pp("dense"))?,
            layer_norm: layer_norm(h, c.layer_norm_eps, vb.pp("output").pp("LayerNorm"))?,
            act: c.hidden_act,
        })
    }

    fn forward(&self, xs: &Tensor, mask: &Tensor) -> Result<Tensor> {
        let xs = self.attention.forward(xs, mask)?;
        let mid = activate(&self.intermediate.forward(&xs)?, self.act)?;
        self.layer_norm.forward(&(self.output.forward(&mid)? + xs)?)
    }
}

pub struct Encoder {
    layers: Vec<Layer>,
}

impl Encoder {
    pub fn load(vb: VarBuilder, c: &Config) -> Result<Self> {
        let layers = (0..c.num_hidden_layers).map(|i| Layer::load(vb.pp(format!("layer.{i}")), c));
        Ok(Self { layers: layers.collect::<Result<_>>()? })
    }

    /// `mask` is additive, `[b, 1, 1, s]`: 0 where attended, very negative on padding.
    /// The hidden states after the first `count` layers (all of them for
    /// sentence vectors, fewer for word alignment).
    pub fn forward_layers(&self, xs: &Tensor, mask: &Tensor, count: usize) -> Result<Tensor> {
        let mut xs = xs.clone();
        for layer in self.layers.iter().take(count) {
            xs = layer.forward(&xs, mask)?;
        }
        Ok(xs)
    }
}

fn activate(xs: &Tensor, act: HiddenAct) -> Result<Tensor> {
    match act {
        HiddenAct::Gelu => {
            let mut v = xs.flatten_all()?.to_vec1::<f32>()?;
            v.par_chunks_mut(4096).for_each(|c| c.iter_mut().for_each(|x| *x = gelu(*x)));
            Tensor::from_vec(v, xs.shape(), xs.device())
        }
        HiddenAct::GeluApproximate => xs.gelu(),
        HiddenAct::Relu => xs.relu(),
    }
}

/// Exact (erf) GELU: `x/2 · (1 + erf(x/√2))`.
fn gelu(x: f32) -> f32 {
    0.5 * x * (1.0 + erf(x * std::f32::consts::FRAC_1_SQRT_2))
}

/// erf via Abramowitz & Stegun 7.1.26 in f64 (|error| < 1.5e-7): branch-free
/// but for the sign, so it vectorises.
fn erf(x: f32) -> f32 {
    let a = f64::from(x.abs());
    let t = 1.0 / (1.0 + 0.3275911 * a);
    let poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
    let y = 1.0 - poly * (-a * a).exp();
    (y as f32).copysign(x)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn erf_is_accurate() {
        for (x, want) in [(0.0f32, 0.0f32), (0.5, 0.520_499_9), (1.0, 0.842_700_8), (-2.0, -0.995_322_3), (4.0, 1.0)] {
            assert!((erf(x) - want).abs() < 2e-7, "erf({x}) = {}", erf(x));
        }
        assert!((gelu(1.0) - 0.841_344_7).abs() < 1e-6);
        assert_eq!(gelu(0.0), 0.0);
    }
}
