// Latent semantic analysis of the pool's own texts (term vectors learned offline from the corpus the platform holds):
// a truncated SVD of the field × term TF-IDF matrix, computed from the fields' Gram matrix by subspace iteration.
// Terms that occur in the same kinds of fields get nearby vectors, so a need and an expert who share a field but
// few exact words still meet. Deterministic (seeded start), small (dims numbers per term), no download.

export type SparseDoc = Map<string, number>;
export type Latent = { dims: number; term: Map<string, Float32Array> };

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function dot(a: SparseDoc, b: SparseDoc): number {
  const [s, l] = a.size <= b.size ? [a, b] : [b, a];
  let d = 0;
  for (const [t, w] of s) {
    const o = l.get(t);
    if (o !== undefined) d += w * o;
  }
  return d;
}

/** Orthonormalises the columns of q (n × k, column-major arrays) in place (modified Gram–Schmidt). */
function orthonormalise(q: Float64Array[]): void {
  for (let j = 0; j < q.length; j++) {
    for (let i = 0; i < j; i++) {
      let d = 0;
      for (let r = 0; r < q[j].length; r++) d += q[i][r] * q[j][r];
      for (let r = 0; r < q[j].length; r++) q[j][r] -= d * q[i][r];
    }
    let n = 0;
    for (let r = 0; r < q[j].length; r++) n += q[j][r] * q[j][r];
    n = Math.sqrt(n) || 1;
    for (let r = 0; r < q[j].length; r++) q[j][r] /= n;
  }
}

/** Eigen-decomposition of a small symmetric matrix (cyclic Jacobi). Returns eigenvalues and column eigenvectors. */
function jacobi(a: Float64Array[]): { values: number[]; vectors: Float64Array[] } {
  const n = a.length;
  const m = a.map((row) => Float64Array.from(row));
  const v = Array.from({ length: n }, (_, i) => Float64Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
  for (let sweep = 0; sweep < 30; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += m[p][q] * m[p][q];
    if (off < 1e-18) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        if (Math.abs(m[p][q]) < 1e-15) continue;
        const theta = (m[q][q] - m[p][p]) / (2 * m[p][q]);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const mkp = m[k][p];
          const mkq = m[k][q];
          m[k][p] = c * mkp - s * mkq;
          m[k][q] = s * mkp + c * mkq;
        }
        for (let k = 0; k < n; k++) {
          const mpk = m[p][k];
          const mqk = m[q][k];
          m[p][k] = c * mpk - s * mqk;
          m[q][k] = s * mpk + c * mqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = v[k][p];
          const vkq = v[k][q];
          v[k][p] = c * vkp - s * vkq;
          v[k][q] = s * vkp + c * vkq;
        }
      }
    }
  }
  return { values: m.map((row, i) => row[i]), vectors: Array.from({ length: n }, (_, j) => Float64Array.from(v, (row) => row[j])) };
}

/**
 * Term vectors from the top `dims` singular directions of the docs (each a TF-IDF vector, ideally unit length).
 * At most `maxDocs` docs are used (an evenly spaced sample), so fitting stays quick on a large pool.
 */
export function fitLatent(allDocs: SparseDoc[], dims: number, { maxDocs = 1500, iterations = 8, seed = 7 } = {}): Latent {
  const step = Math.max(1, allDocs.length / maxDocs);
  const docs: SparseDoc[] = [];
  for (let i = 0; i < allDocs.length && docs.length < maxDocs; i = Math.floor((docs.length + 1) * step)) docs.push(allDocs[i]);
  const n = docs.length;
  const k = Math.min(dims, Math.max(1, n - 1));
  if (n < 2) return { dims: 0, term: new Map() };
  const gram = Array.from({ length: n }, () => new Float64Array(n));
  for (let i = 0; i < n; i++) for (let j = i; j < n; j++) gram[i][j] = gram[j][i] = dot(docs[i], docs[j]);
  const random = mulberry32(seed);
  const over = Math.min(n, k + 10);
  let q = Array.from({ length: over }, () => Float64Array.from({ length: n }, () => random() - 0.5));
  orthonormalise(q);
  for (let it = 0; it < iterations; it++) {
    q = q.map((col) => {
      const out = new Float64Array(n);
      for (let r = 0; r < n; r++) {
        const row = gram[r];
        let s = 0;
        for (let c = 0; c < n; c++) s += row[c] * col[c];
        out[r] = s;
      }
      return out;
    });
    orthonormalise(q);
  }
  const gq = q.map((col) => {
    const out = new Float64Array(n);
    for (let r = 0; r < n; r++) {
      let s = 0;
      for (let c = 0; c < n; c++) s += gram[r][c] * col[c];
      out[r] = s;
    }
    return out;
  });
  const small = q.map((qi) => Float64Array.from(gq, (gj) => qi.reduce((a, x, r) => a + x * gj[r], 0)));
  const { values, vectors } = jacobi(small);
  const order = values.map((v, i) => [v, i] as const).sort((a, b) => b[0] - a[0]).slice(0, k).filter(([v]) => v > 1e-9);
  // U columns (n) = Q · w; term vector t = Σ_docs x_dt U_d / σ.
  const u = order.map(([, i]) => {
    const w = vectors[i];
    const col = new Float64Array(n);
    for (let j = 0; j < over; j++) for (let r = 0; r < n; r++) col[r] += q[j][r] * w[j];
    return col;
  });
  const sigma = order.map(([v]) => Math.sqrt(v));
  const term = new Map<string, Float32Array>();
  docs.forEach((d, r) => {
    for (const [t, x] of d) {
      let vec = term.get(t);
      if (!vec) term.set(t, (vec = new Float32Array(order.length)));
      for (let c = 0; c < order.length; c++) vec[c] += (x * u[c][r]) / sigma[c];
    }
  });
  return { dims: order.length, term };
}

/** A text's latent vector (Σ weight × term vector), unit length; null when none of its terms is known. */
export function embed(latent: Latent, weights: Iterable<[string, number]>): Float32Array | null {
  if (!latent.dims) return null;
  const out = new Float32Array(latent.dims);
  let any = false;
  for (const [t, w] of weights) {
    const v = latent.term.get(t);
    if (!v) continue;
    any = true;
    for (let c = 0; c < v.length; c++) out[c] += w * v[c];
  }
  if (!any) return null;
  let n = 0;
  for (const x of out) n += x * x;
  n = Math.sqrt(n) || 1;
  for (let c = 0; c < out.length; c++) out[c] /= n;
  return out;
}

export function latentCosine(a: Float32Array | null, b: Float32Array | null): number {
  if (!a || !b) return 0;
  let d = 0;
  for (let c = 0; c < a.length; c++) d += a[c] * b[c];
  return d;
}
